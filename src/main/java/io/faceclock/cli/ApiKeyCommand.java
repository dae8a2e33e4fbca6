package io.faceclock.cli;

import io.faceclock.app.FaceclockConfiguration;
import io.faceclock.security.ApiKey;
import io.faceclock.security.NewApiKey;
import io.faceclock.security.Scope;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "apikey", description = "Create, list and revoke API keys",
        subcommands = {ApiKeyCommand.Create.class, ApiKeyCommand.ListKeys.class, ApiKeyCommand.Revoke.class})
public final class ApiKeyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return 0;
    }

    @Command(name = "create", description = "Create a key and print it once")
    static final class Create implements Callable<Integer> {
        @Mixin
        SettingsOptions options = new SettingsOptions();
        @Option(names = "--name", required = true, description = "What the key is for, e.g. 'front door kiosk'")
        String name;
        @Option(names = "--scope", defaultValue = "read", description = "admin, read or kiosk (default read)")
        String scope;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Scope s = Scope.parse(scope).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "--scope must be admin, read or kiosk"));
            try (FaceclockConfiguration services = CommandServices.open(options.resolve())) {
                NewApiKey key = services.apiKeys().create(name, s);
                System.out.println(key.secret());
                System.err.println("Created API key " + key.key().id() + " (" + s.wire() + "). "
                        + "Store it now: faceclock keeps only a hash and cannot show it again.");
            }
            return 0;
        }
    }

    @Command(name = "list", description = "List keys (never their text)")
    static final class ListKeys implements Callable<Integer> {
        @Mixin
        SettingsOptions options = new SettingsOptions();

        @Override
        public Integer call() {
            try (FaceclockConfiguration services = CommandServices.open(options.resolve())) {
                System.out.printf("%-5s %-7s %-12s %-22s %-22s %s%n", "ID", "SCOPE", "PREFIX", "CREATED", "REVOKED",
                        "NAME");
                for (ApiKey k : services.apiKeys().list()) {
                    System.out.printf("%-5d %-7s %-12s %-22s %-22s %s%n", k.id(), k.scope().wire(), k.prefix() + "…",
                            k.createdAt(), k.revokedAt() == null ? "-" : k.revokedAt(), k.name());
                }
            }
            return 0;
        }
    }

    @Command(name = "revoke", description = "Revoke a key by id")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        SettingsOptions options = new SettingsOptions();
        @Parameters(paramLabel = "ID")
        long id;

        @Override
        public Integer call() {
            try (FaceclockConfiguration services = CommandServices.open(options.resolve())) {
                if (!services.apiKeys().revoke(id)) {
                    System.err.println("No live API key with id " + id);
                    return 1;
                }
                System.out.println("Revoked API key " + id);
            }
            return 0;
        }
    }
}
