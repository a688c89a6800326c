package dk.jobbro.rematch;

import dk.jobbro.flagging.NewMatchCounts;
import jakarta.inject.Singleton;

import java.util.Map;

/** The work list's new-match counts, from the latest finished run's stored matches. */
@Singleton
class NewMatchCountsOfLatestRun implements NewMatchCounts {

    private final RematchStore store;

    NewMatchCountsOfLatestRun(RematchStore store) {
        this.store = store;
    }

    @Override
    public Map<Long, Integer> byCitizen(String jobcentre) {
        return store.newMatchCounts(jobcentre);
    }
}
