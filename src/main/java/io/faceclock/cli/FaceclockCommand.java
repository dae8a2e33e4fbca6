package io.faceclock.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "faceclock", mixinStandardHelpOptions = true, version = "faceclock 0.1.0",
        description = "Face-recognition time clock that keeps Odoo's Employees and Attendances in sync.%n"
                + "With no command it runs the service.",
        subcommands = {ServeCommand.class, ApiKeyCommand.class, ConfigureOdooCommand.class, PullCommand.class,
                PushCommand.class, ModelsCommand.class, EvalCommand.class,
                BenchCommand.class})
public final class FaceclockCommand implements Callable<Integer> {

    @Mixin
    SettingsOptions options = new SettingsOptions();
    @Option(names = "--no-face", description = "Run without face recognition: the models are neither offered nor "
            + "loaded (faceclock.face.enabled=false)")
    boolean noFace;

    @Override
    public Integer call() throws Exception {
        return ServeCommand.serve(options, noFace);
    }

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** --help and --version on every command, so `faceclock configure-odoo --help` explains itself. */
    private static void withHelp(CommandLine cmd) {
        if (!cmd.getCommandSpec().mixinStandardHelpOptions()) {
            cmd.getCommandSpec().mixinStandardHelpOptions(true);
        }
        cmd.getSubcommands().values().forEach(FaceclockCommand::withHelp);
    }

    /** The whole command tree: `bench face` is the face engine's benchmark. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new FaceclockCommand());
        cli.getSubcommands().get("bench").addSubcommand("face", new BenchFaceCommand());
        cli.getSubcommands().get("bench").addSubcommand("cameras", new BenchCamerasCommand());
        withHelp(cli);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println(CliErrors.sentence(e));
            return CliErrors.exitCode(e);
        });
        return cli;
    }
}
