package io.faceclock.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Quartz as the nodes on one PostgreSQL share it: its clustered JDBC job store in faceclock's own
 * database (tables made by migration V7_3), so each schedule fires on one node and another takes
 * over when that node stops checking in. On H2 (one node) Quartz keeps its in-memory store.
 */
public final class ClusteredQuartz {

    static final String DATA_SOURCE = "faceclock";

    private ClusteredQuartz() {
    }

    /** Sets the component's Quartz properties for this database; the data source is faceclock's pool. */
    public static void configure(QuartzComponent quartz, DataSource db, boolean postgres, Node node,
                                 Duration checkIn) {
        quartz.setProperties(properties(postgres, node, checkIn));
        // the scheduler's name is "faceclock-" + camel.main.name: the same on every node (the default), which
        // is what makes them one cluster
        if (postgres) {
            DBConnectionManager.getInstance().addConnectionProvider(DATA_SOURCE, new ConnectionProvider() {
                @Override
                public Connection getConnection() throws SQLException {
                    return db.getConnection();
                }

                @Override
                public void shutdown() {
                    // the pool belongs to faceclock, which closes it
                }

                @Override
                public void initialize() {
                    // nothing to set up
                }
            });
        }
    }

    static Map<String, Object> properties(boolean postgres, Node node, Duration checkIn) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("org.quartz.scheduler.instanceName", "faceclock");
        p.put("org.quartz.scheduler.instanceId", node.id() + "-" + node.pid());
        p.put("org.quartz.scheduler.skipUpdateCheck", "true");
        p.put("org.quartz.threadPool.threadCount", "4");
        if (!postgres) {
            p.put("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
            return p;
        }
        p.put("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.put("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.put("org.quartz.jobStore.dataSource", DATA_SOURCE);
        p.put("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.put("org.quartz.jobStore.isClustered", "true");
        p.put("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(checkIn.toMillis()));
        p.put("org.quartz.jobStore.misfireThreshold", "60000");
        return p;
    }
}
