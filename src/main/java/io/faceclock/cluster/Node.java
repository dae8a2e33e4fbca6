package io.faceclock.cluster;

import java.net.InetAddress;

/**
 * This process as the others sharing its database see it: the node id (faceclock.node.id, by
 * default the host name) and the process id, which tells a dead holder from a live one on one host.
 */
public record Node(String id, long pid) {

    public static final String SETTING = "faceclock.node.id";

    /** This process, with the configured node id (null: the host name). */
    public static Node of(String configuredId) {
        return new Node(configuredId != null ? configuredId : hostName(), ProcessHandle.current().pid());
    }

    /** Whether a process of this host with that id still runs. */
    public static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }
}
