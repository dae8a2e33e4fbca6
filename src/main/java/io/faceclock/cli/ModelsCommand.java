package io.faceclock.cli;

import io.faceclock.face.FaceEngineStatus;
import io.faceclock.face.FaceModels;
import io.faceclock.face.ModelFile;
import io.faceclock.face.ModelInstaller;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Install or verify the face models.",
        subcommands = {ModelsCommand.Install.class, ModelsCommand.Verify.class})
public class ModelsCommand implements Callable<Integer> {

    static final List<ModelFile> DEFAULT_MODELS = List.of(ModelFile.YUNET, ModelFile.MOBILEFACENET_128);

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    @Command(name = "install", mixinStandardHelpOptions = true,
            description = "Download the default models, checking each file's sha256.")
    public static class Install implements Callable<Integer> {

        @Option(names = "--dir", description = "models folder (default: $FACECLOCK_MODELS_DIR, else ./models)")
        Path dir;

        @Option(names = "--base-url", description = "a mirror serving the files by name, instead of their upstream addresses")
        URI baseUrl;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Path folder = ModelsFolder.resolve(dir);
            PrintWriter out = spec.commandLine().getOut();
            try {
                for (ModelInstaller.Installed i : new ModelInstaller(baseUrl).install(folder, DEFAULT_MODELS)) {
                    out.println(i.downloaded()
                            ? "installed " + i.path() + " from " + i.source()
                            : "already present " + i.path());
                }
                out.flush();
                return 0;
            } catch (IOException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check that every model file is present with the expected sha256.")
    public static class Verify implements Callable<Integer> {

        @Option(names = "--dir", description = "models folder (default: $FACECLOCK_MODELS_DIR, else ./models)")
        Path dir;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Path folder = ModelsFolder.resolve(dir);
            FaceEngineStatus status = FaceModels.verify(folder, DEFAULT_MODELS);
            if (!status.up()) {
                spec.commandLine().getErr().println(status.reason());
                return 1;
            }
            PrintWriter out = spec.commandLine().getOut();
            DEFAULT_MODELS.forEach(m -> out.println("ok " + folder.resolve(m.fileName()) + " (" + m.modelId() + ")"));
            out.flush();
            return 0;
        }
    }
}
