package io.faceclock.cli;

import io.faceclock.app.FaceclockApp;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "serve", description = "Run the faceclock service (the default command)")
public final class ServeCommand implements Callable<Integer> {

    @Mixin
    SettingsOptions options = new SettingsOptions();

    @Override
    public Integer call() throws Exception {
        return serve(options);
    }

    static int serve(SettingsOptions options) throws InterruptedException {
        FaceclockApp app = FaceclockApp.start(options.resolve());
        app.awaitShutdown();
        return 0;
    }
}
