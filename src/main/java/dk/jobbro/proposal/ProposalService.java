package dk.jobbro.proposal;

import dk.jobbro.citizen.Citizen;
import dk.jobbro.citizen.CitizenService;
import dk.jobbro.citizen.CitizenSkill;
import dk.jobbro.matching.MatchingService;
import dk.jobbro.posting.Posting;
import dk.jobbro.posting.PostingService;
import dk.jobbro.posting.PostingStatus;
import dk.jobbro.security.Access;
import dk.jobbro.security.AuditAction;
import dk.jobbro.security.Caller;
import dk.jobbro.security.Role;
import dk.jobbro.taxonomy.Taxonomy;
import dk.jobbro.web.ApiException;
import dk.jobbro.web.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The work after a match: a consultant proposes a citizen for a posting, the employer answers (interview,
 * accepted, declined with a reason), the consultant may withdraw. Every step is stored with the caller's subject and
 * role and the time, and audited as an access to the citizen's data. Accepting fills a slot of the posting.
 *
 * <p>Who sees a proposal is decided where it is loaded ({@link Access#proposal}): the employer of the posting,
 * consultants of the citizen's jobcentre, administrators.
 */
@Singleton
public class ProposalService {

    private static final Set<ProposalStatus> OPEN = EnumSet.of(ProposalStatus.PROPOSED, ProposalStatus.INTERVIEW);

    private final ProposalRepository proposals;
    private final ProposalStepRepository steps;
    private final CitizenService citizens;
    private final PostingService postings;
    private final MatchingService matching;
    private final Taxonomy taxonomy;
    private final Access access;
    private final Clock clock;

    ProposalService(ProposalRepository proposals, ProposalStepRepository steps, CitizenService citizens,
                    PostingService postings, MatchingService matching, Taxonomy taxonomy, Access access,
                    Clock clock) {
        this.proposals = proposals;
        this.steps = steps;
        this.citizens = citizens;
        this.postings = postings;
        this.matching = matching;
        this.taxonomy = taxonomy;
        this.access = access;
        this.clock = clock;
    }

    /** A proposal with its steps, oldest first. */
    public record WithSteps(Proposal proposal, List<ProposalStep> steps) {
    }

    /**
     * Proposes a citizen of the caller's jobcentres for an open posting with a free slot. The employer will see
     * {@code alias} (or the citizen's first name), the citizen's skills and occupations and the shared part of the
     * explanation. An open proposal for the same pair is a 409.
     */
    @Transactional
    public WithSteps propose(long citizenId, long postingId, @Nullable String alias, @Nullable String note) {
        Citizen citizen = citizens.forChange(citizenId);
        Posting posting = postings.get(postingId);
        if (posting.status() != PostingStatus.OPEN || posting.slotsFilled() >= posting.slots()) {
            throw new ApiException(HttpStatus.CONFLICT, "Posting " + postingId + " is not open or has no free slot",
                    List.of(new Problem.FieldError("postingId", "not open or no free slot")));
        }
        if (proposals.existsByCitizenIdAndPostingIdAndStatusIn(citizenId, postingId, OPEN)) {
            throw new ApiException(HttpStatus.CONFLICT, "The citizen is already proposed for this posting",
                    List.of(new Problem.FieldError("postingId", "already proposed")));
        }
        SharedExplanation explanation = SharedExplanation.of(matching.explain(citizenId, postingId).explanation());
        Instant now = clock.instant();
        String shown = alias == null || alias.isBlank() ? firstName(citizen.name()) : alias.strip();
        Proposal saved = proposals.save(new Proposal(null, citizenId, postingId, posting.employerId(),
                citizen.jobcentre(), shown, skills(citizen), occupations(citizen), explanation,
                note == null || note.isBlank() ? null : note.strip(), ProposalStatus.PROPOSED, now, now));
        ProposalStep step = steps.save(step(saved, ProposalStatus.PROPOSED, null, now));
        return new WithSteps(saved, List.of(step));
    }

    /**
     * The employer's answer: INTERVIEW, ACCEPTED (fills a slot; 409 when none is free) or DECLINED (with a reason).
     * Only open proposals can be answered (409 otherwise).
     */
    @Transactional
    public WithSteps answer(long id, ProposalStatus answer, @Nullable String reason) {
        if (answer != ProposalStatus.INTERVIEW && answer != ProposalStatus.ACCEPTED
                && answer != ProposalStatus.DECLINED) {
            throw ApiException.invalid("answer", "one of INTERVIEW, ACCEPTED, DECLINED");
        }
        if (answer == ProposalStatus.DECLINED && (reason == null || reason.isBlank())) {
            throw ApiException.invalid("reason", "a declined proposal needs a reason");
        }
        Role role = access.callerRole();
        if (role == Role.CONSULTANT) {
            throw new ApiException(HttpStatus.FORBIDDEN, "The employer answers a proposal",
                    List.of(new Problem.FieldError("answer", "only the employer or an administrator answers")));
        }
        return move(id, answer, reason);
    }

    /** The consultant withdraws an open proposal, with an optional reason. */
    @Transactional
    public WithSteps withdraw(long id, @Nullable String reason) {
        if (access.callerRole() == Role.EMPLOYER) {
            throw new ApiException(HttpStatus.FORBIDDEN, "The consultant withdraws a proposal", List.of());
        }
        return move(id, ProposalStatus.WITHDRAWN, reason);
    }

    private WithSteps move(long id, ProposalStatus next, @Nullable String reason) {
        Proposal existing = load(id, AuditAction.CHANGE);
        if (!existing.status().next().contains(next)) {
            throw new ApiException(HttpStatus.CONFLICT, "Proposal " + id + " cannot go from " + existing.status()
                    + " to " + next, List.of(new Problem.FieldError("answer", "allowed next: "
                    + existing.status().next())));
        }
        if (next == ProposalStatus.ACCEPTED) {
            postings.fillSlot(existing.postingId());
        }
        Instant now = clock.instant();
        Proposal moved = proposals.update(existing.withStatus(next, now));
        steps.save(step(moved, next, reason == null || reason.isBlank() ? null : reason.strip(), now));
        return withSteps(List.of(moved)).get(0);
    }

    /** One proposal, if the caller may see it: 404 otherwise, as for a missing one. */
    public WithSteps get(long id) {
        return withSteps(List.of(load(id, AuditAction.READ))).get(0);
    }

    /**
     * The proposals the caller may see, newest first: an employer's for its own postings, a consultant's for its
     * jobcentres' citizens, everything for administrators; narrowed by posting, citizen and status when given. Each
     * citizen shown is audited as read.
     */
    public List<WithSteps> list(Optional<Long> postingId, Optional<Long> citizenId, Optional<ProposalStatus> status) {
        Optional<Long> employer = access.employerScope();
        List<Proposal> found;
        if (employer.isPresent()) {
            found = proposals.findByEmployerIdOrderByIdDesc(employer.get());
        } else {
            Optional<Set<String>> jobcentres = access.jobcentreScope();
            found = jobcentres.isEmpty() ? proposals.findAllOrderByIdDesc()
                    : jobcentres.get().isEmpty() ? List.of() : proposals.findByJobcentreInOrderByIdDesc(jobcentres.get());
        }
        List<Proposal> shown = found.stream()
                .filter(p -> postingId.isEmpty() || p.postingId() == postingId.get())
                .filter(p -> citizenId.isEmpty() || p.citizenId() == citizenId.get())
                .filter(p -> status.isEmpty() || p.status() == status.get())
                .toList();
        access.citizensListed(shown.stream().map(Proposal::citizenId).distinct().toList());
        return withSteps(shown);
    }

    private Proposal load(long id, AuditAction action) {
        Proposal proposal = proposals.findById(id).orElseThrow(() -> ApiException.notFound("Proposal", id));
        access.proposal(id, proposal.citizenId(), proposal.employerId(), proposal.jobcentre(), action);
        return proposal;
    }

    private List<WithSteps> withSteps(List<Proposal> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        Map<Long, List<ProposalStep>> byProposal = steps.findByProposalIdInOrderById(
                found.stream().map(Proposal::id).toList()).stream()
                .collect(Collectors.groupingBy(ProposalStep::proposalId));
        List<WithSteps> out = new ArrayList<>(found.size());
        for (Proposal p : found) {
            out.add(new WithSteps(p, byProposal.getOrDefault(p.id(), List.of())));
        }
        return out;
    }

    private ProposalStep step(Proposal proposal, ProposalStatus status, @Nullable String reason, Instant now) {
        Caller caller = access.caller();
        return new ProposalStep(null, proposal.id(), proposal.citizenId(), status, reason, caller.subject(),
                caller.role().name(), now);
    }

    private List<String> skills(Citizen citizen) {
        return citizen.skills().stream().map(CitizenSkill::code).map(taxonomy::skillLabel).distinct().toList();
    }

    private List<String> occupations(Citizen citizen) {
        Set<String> codes = new LinkedHashSet<>(citizen.occupationsHeld());
        codes.addAll(citizen.occupationsWanted());
        return codes.stream().map(taxonomy::occupationLabel).toList();
    }

    /** The first word of the name; a citizen without one is shown as "Kandidat". */
    static String firstName(String name) {
        String stripped = name == null ? "" : name.strip();
        return stripped.isEmpty() ? "Kandidat" : stripped.split("\\s+")[0];
    }
}
