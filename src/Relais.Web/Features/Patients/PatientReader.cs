using Relais.Domain.Access;
using Relais.Web.Features.Patients.CareTeam;
using Relais.Web.Features.Patients.Professionals;

namespace Relais.Web.Features.Patients;

/// <summary>
/// The members other features still call, each delegating to the query that now owns it
/// (<see cref="PatientDetailQuery"/>, <see cref="CareTeamQuery"/>, <see cref="ProfessionalDirectory"/>,
/// <see cref="PatientName"/>). New code uses those directly.
/// </summary>
public sealed class PatientReader(PatientDetailQuery details, CareTeamQuery careTeam, ProfessionalDirectory professionals)
{
    public Task<PatientDetail?> GetDetailAsync(Guid patientId, AccessBasis basis, CancellationToken ct) => details.GetAsync(patientId, basis, ct);

    public Task<IReadOnlyList<CareTeamMemberDto>> CareTeamAsync(Guid patientId, CancellationToken ct) => careTeam.GetAsync(patientId, ct);

    public Task<ProfessionalRef?> ProfessionalAsync(Guid id, CancellationToken ct) => professionals.FindAsync(id, ct);

    public static string DisplayName(string birthName, string? usedName, string firstNames) => PatientName.Of(birthName, usedName, firstNames);
}
