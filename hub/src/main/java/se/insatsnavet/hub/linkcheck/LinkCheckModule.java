package se.insatsnavet.hub.linkcheck;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.insatsnavet.hub.HubContext;
import se.insatsnavet.hub.HubModule;
import se.insatsnavet.hub.HubModules;
import se.insatsnavet.hub.federations.FederationRegistry;
import se.insatsnavet.hub.imports.RunReport;
import se.insatsnavet.hub.quality.QualityReport;
import se.insatsnavet.hub.search.ServiceIndex;

import java.time.Duration;

/**
 * The opt-in link check of the services' web addresses, after each run of a federation that switched it on;
 * its results feed the quality report.
 */
public final class LinkCheckModule implements HubModule {

    private static final Logger LOG = LoggerFactory.getLogger(LinkCheckModule.class);

    private FederationRegistry registry;
    private LinkChecker linkChecker;
    private FederationLinkCheck linkCheck;

    @Override
    public String name() {
        return "linkcheck";
    }

    @Override
    public void start(HubContext hub) {
        registry = hub.get(FederationRegistry.class);
        QualityReport quality = hub.get(QualityReport.class);
        LinkCheckResults linkResults = new LinkCheckResults(hub.database());
        registry.all().stream().filter(f -> !f.linkCheck().enabled()).forEach(f -> linkResults.forget(f.id()));
        quality.useLinkResults(linkResults::all);
        linkChecker = LinkChecker.create(hub.vertx(),
                Duration.ofMillis(Long.getLong("insatsnavet.linkcheck.timeoutMillis", 10_000)),
                Duration.ofMillis(Long.getLong("insatsnavet.linkcheck.perHostPauseMillis", 1_000)),
                Boolean.getBoolean("insatsnavet.linkcheck.allowPrivateAddresses"));
        linkCheck = new FederationLinkCheck(hub.vertx(), linkChecker, linkResults,
                hub.get(ServiceIndex.class)::forEachStoredItem, quality::invalidate);
    }

    @Override
    public void onRunFinished(RunReport run) {
        registry.get(run.federationId()).filter(f -> f.linkCheck().enabled())
                .ifPresent(f -> linkCheck.run(f.id(), f.linkCheck().recheckAfter()));
    }

    @Override
    public void stop() {
        HubModules.closeQuietly(LOG, "link checker", linkChecker);
    }
}
