package io.faceclock.cluster;

import io.faceclock.store.ScheduleRunStore;
import io.faceclock.store.StoreException;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records, for every route started by a quartz: timer, which node ran it and when. */
public final class ScheduleRuns implements RoutePolicyFactory {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleRuns.class);

    private final ScheduleRunStore store;
    private final Node node;
    private final Clock clock;

    public ScheduleRuns(ScheduleRunStore store, Node node, Clock clock) {
        this.store = store;
        this.node = node;
        this.clock = clock;
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        return new RoutePolicySupport() {
            @Override
            public void onExchangeBegin(Route r, Exchange exchange) {
                if (!r.getEndpoint().getEndpointUri().startsWith("quartz:")) {
                    return;
                }
                try {
                    store.record(r.getRouteId(), node.id(), clock.instant());
                } catch (StoreException e) {
                    // the run itself goes on (the database may be away for a moment)
                    LOG.warn("Could not record the run of {}: {}", r.getRouteId(), e.getMessage());
                }
            }
        };
    }
}
