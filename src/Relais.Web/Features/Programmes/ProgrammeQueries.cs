using Microsoft.EntityFrameworkCore;
using Relais.Domain.Patients;
using Relais.Domain.Programmes;
using Relais.Web.Data;
using Relais.Web.Features.Patients;
using Relais.Web.Identity;

namespace Relais.Web.Features.Programmes;

public sealed record ProgrammeDto(Guid Id, ProgrammeKind Kind, Guid EpisodeId, Guid LineageId, int Version, Guid? TumorBoardCaseId, ProgrammeContent Content,
    string Author, DateTimeOffset CreatedAt, DateOnly? HandedToPatientOn, Guid? DocumentId, Guid? TransmissionId, bool Superseded, bool GpAgreed);

/// <summary>The patient's PPS and PPAC, and the contacts a new one starts from.</summary>
public sealed class ProgrammeQueries(RelaisDb db, Relais.Web.Features.Patients.CareTeam.CareTeamQuery careTeam)
{
    public async Task<IReadOnlyList<ProgrammeDto>> ListAsync(Guid patientId, CancellationToken ct)
    {
        var rows = await db.Programmes.AsNoTracking().Where(p => p.PatientId == patientId).OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Version).ToListAsync(ct);
        var ids = rows.Select(r => r.AuthorId).Distinct().ToList();
        var names = (await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.FirstName, u.LastName }).ToListAsync(ct))
            .ToDictionary(u => u.Id, u => RelaisUser.NameOf(u.FirstName, u.LastName));
        return rows.Select(p => new ProgrammeDto(p.Id, p.Kind, p.EpisodeId, p.LineageId, p.Version, p.TumorBoardCaseId, p.Content, names.GetValueOrDefault(p.AuthorId, "?"),
            p.CreatedAt, p.HandedToPatientOn, p.DocumentId, p.TransmissionId, p.Superseded, p.GpAgreed)).ToList();
    }

    /// <summary>The useful contacts, filled from the active care team: the GP among them [G].</summary>
    public async Task<IReadOnlyList<ProgrammeContact>> ContactsFromCareTeamAsync(Guid patientId, CancellationToken ct)
    {
        var team = await careTeam.GetAsync(patientId, ct);
        return team.Where(m => m.Active).Select(m => new ProgrammeContact(m.Professional.DisplayName, CareTeamRoleLabels.French(m.Role), m.Professional.Organisation, null)).ToList();
    }
}
