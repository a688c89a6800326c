package dk.jobbro.flagging;

import java.util.Map;

/**
 * How many new matches each active citizen of a jobcentre got in the latest nightly run: orders the work list after
 * the flags. Implemented by the nightly run (dk.jobbro.rematch), which depends on flagging, not the other way round.
 */
public interface NewMatchCounts {

    Map<Long, Integer> byCitizen(String jobcentre);
}
