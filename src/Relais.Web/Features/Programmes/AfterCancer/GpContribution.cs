using Microsoft.EntityFrameworkCore;
using Relais.Domain.Access;
using Relais.Domain.Programmes;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.Programmes.AfterCancer;

public sealed record ProposalInput(string? Text);

public sealed record ProposalDto(Guid Id, Guid ProgrammeId, int Version, string Author, string Text, DateTimeOffset ProposedAt, Guid? AnsweredByProgrammeId, DateTimeOffset? AnsweredAt);

/// <summary>
/// What the patient's GP does with the PPAC himself ([G] 3: drawn up "together with the GP"): he proposes changes
/// the team answers with a revision, and records his agreement to the version in force. Only the patient's declared
/// GP does: another GP of the care team is refused by capability.
/// </summary>
public sealed class GpContribution(RelaisDb db, Clock clock, CapabilityCheck capabilities)
{
    public async Task<ProposalDto?> ProposeAsync(CurrentUser user, Guid patientId, Guid programmeId, ProposalInput input, CancellationToken ct)
    {
        var programme = await ProgrammeOfOwnPatientAsync(user, patientId, programmeId, ct);
        if (programme is null) return null;
        var proposal = ProgrammeProposal.Propose(programme, user.Id, input.Text, clock.Now);
        db.ProgrammeProposals.Add(proposal);
        await db.SaveChangesAsync(ct);
        return (await ListAsync(patientId, ct)).First(p => p.Id == proposal.Id);
    }

    /// <summary>Records the GP's agreement; false when the patient has no such programme.</summary>
    public async Task<bool> AgreeAsync(CurrentUser user, Guid patientId, Guid programmeId, CancellationToken ct)
    {
        var programme = await ProgrammeOfOwnPatientAsync(user, patientId, programmeId, ct);
        if (programme is null) return false;
        programme.AgreeAsGp(clock.Now);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<IReadOnlyList<ProposalDto>> ListAsync(Guid patientId, CancellationToken ct)
    {
        var rows = await (from p in db.ProgrammeProposals.AsNoTracking()
                          join v in db.Programmes.AsNoTracking() on p.ProgrammeId equals v.Id
                          join u in db.Users.AsNoTracking() on p.AuthorId equals u.Id
                          where p.PatientId == patientId
                          orderby p.ProposedAt descending
                          select new { p, v.Version, u.FirstName, u.LastName }).ToListAsync(ct);
        return rows.Select(r => new ProposalDto(r.p.Id, r.p.ProgrammeId, r.Version, RelaisUser.NameOf(r.FirstName, r.LastName), r.p.Text, r.p.ProposedAt,
            r.p.AnsweredByProgrammeId, r.p.AnsweredAt)).ToList();
    }

    /// <summary>Whether this user is the patient's declared GP (the page shows his actions only then).</summary>
    public async Task<bool> IsPatientsGpAsync(CurrentUser user, Guid patientId, CancellationToken ct) =>
        await capabilities.AllowsAsync(user, Capability.ContributeToAfterCancerProgramme, null, ct)
        && await db.Patients.AnyAsync(p => p.Id == patientId && p.GeneralPractitionerId == user.Id, ct);

    private async Task<CareProgramme?> ProgrammeOfOwnPatientAsync(CurrentUser user, Guid patientId, Guid programmeId, CancellationToken ct)
    {
        if (!await IsPatientsGpAsync(user, patientId, ct))
            throw new CapabilityRefusedException(Capability.ContributeToAfterCancerProgramme, "Seul le médecin traitant déclaré du patient propose des modifications du PPAC et donne son accord.");
        return await db.Programmes.FirstOrDefaultAsync(p => p.Id == programmeId && p.PatientId == patientId, ct);
    }
}
