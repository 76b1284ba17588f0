using Relais.Web.Documents;
using Relais.Web.Features.TumorBoards.Cases;
using Relais.Web.Features.TumorBoards.Report;

namespace Relais.Web.Features.TumorBoards;

/// <summary>
/// What the Programmes feature still reads through the former tumor-board service: the patient's cases
/// and the document headers. Each member delegates to its use case; callers should inject those instead.
/// </summary>
public sealed class TumorBoardService(CasesQuery cases, TumorBoardReport report)
{
    public Task<IReadOnlyList<CaseDto>> CasesAsync(Guid patientId, CancellationToken ct) => cases.ForPatientAsync(patientId, ct);

    public Task<PatientHeader> PatientHeaderAsync(Guid patientId, CancellationToken ct) => report.PatientHeaderAsync(patientId, ct);

    public Task<EpisodeHeader> EpisodeHeaderAsync(Guid episodeId, CancellationToken ct) => report.EpisodeHeaderAsync(episodeId, ct);
}
