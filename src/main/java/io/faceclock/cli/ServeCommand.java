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
        var settings = options.resolve();
        // Quartz schedules fire on the site's wall clock: "06:00" means 06:00 where the site is.
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(settings.zone()));
        FaceclockApp app = FaceclockApp.start(settings);
        app.awaitShutdown();
        return 0;
    }
}
