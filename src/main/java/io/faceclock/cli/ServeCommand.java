package io.faceclock.cli;

import io.faceclock.app.FaceclockApp;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", description = "Run the faceclock service (the default command)")
public final class ServeCommand implements Callable<Integer> {

    @Mixin
    SettingsOptions options = new SettingsOptions();
    @Option(names = "--no-face", description = "Run without face recognition: the models are neither offered nor "
            + "loaded (faceclock.face.enabled=false)")
    boolean noFace;

    @Override
    public Integer call() throws Exception {
        return serve(options, noFace);
    }

    static int serve(SettingsOptions options, boolean noFace) throws InterruptedException {
        if (noFace) {
            options.extra.put("faceclock.face.enabled", "false");
        }
        var settings = options.resolve();
        // before the first log line: log times in the site's offset (a wrong zone is refused by the start below)
        String zone = settings.get(io.faceclock.config.Settings.TIMEZONE);
        System.setProperty("faceclock.log.timezone", zone != null ? zone : java.time.ZoneId.systemDefault().getId());
        if (!noFace) {
            FirstRun.offerModels(settings, System.console());
        }
        FaceclockApp app = FaceclockApp.start(settings);
        app.awaitShutdown();
        return 0;
    }
}
