using Microsoft.EntityFrameworkCore;
using Relais.Domain.Access;
using Relais.Web.Data;
using Relais.Web.Features.Patients.CareTeam;
using Relais.Web.Features.Patients.Professionals;

namespace Relais.Web.Features.Patients;

/// <summary>A patient's record as shown on its page and by GET /api/patients/{id}. The caller has passed the access rule.</summary>
public sealed class PatientDetailQuery(RelaisDb db, Clock clock, CareTeamQuery careTeam, ProfessionalDirectory professionals)
{
    public async Task<PatientDetail?> GetAsync(Guid patientId, AccessBasis basis, CancellationToken ct)
    {
        var p = await db.Patients.AsNoTracking().FirstOrDefaultAsync(x => x.Id == patientId, ct);
        if (p is null) return null;
        var team = await careTeam.GetAsync(patientId, ct);
        var gp = p.GeneralPractitionerId is { } gpId ? await professionals.FindAsync(gpId, ct) : null;
        var episodes = await EpisodesAsync(patientId, ct);
        return new PatientDetail(
            p.Id, p.Ins, p.DisplayName, p.BirthName, p.UsedName, p.FirstNames, p.BirthDate, p.AgeOn(clock.Today), p.Sex, p.Phone, p.Email,
            new AddressDto(p.Address.Line1, p.Address.Line2, p.Address.PostalCode, p.Address.City), gp,
            p.TrustedPerson is { } t ? new TrustedPersonDto(t.FullName, t.Relationship, t.Phone, t.DesignatedInWritingOn, t.RevokedOn) : null,
            new AdvanceDirectivesDto(p.AdvanceDirectives.Exist, p.AdvanceDirectives.WrittenOn, p.AdvanceDirectives.WhereKept),
            team, episodes, basis)
        { Identity = IdentityDto.From(p), Version = p.Version };
    }

    /// <summary>The patient's cancer episodes, oldest first.</summary>
    public async Task<IReadOnlyList<EpisodeDto>> EpisodesAsync(Guid patientId, CancellationToken ct) =>
        (await db.Episodes.AsNoTracking().Where(e => e.PatientId == patientId).OrderBy(e => e.CreatedAt).ToListAsync(ct))
            .Select(EpisodeDto.From).ToList();
}
