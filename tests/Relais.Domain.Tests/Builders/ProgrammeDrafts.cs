using Relais.Domain.Programmes;
using static Relais.Domain.Tests.Builders.Ids;
using static Relais.Domain.Tests.Builders.Moments;

namespace Relais.Domain.Tests.Builders;

/// <summary>Care programmes (PPS, PPAC) drafted by the oncologist for the patient's episode, and their content.</summary>
public static class ProgrammeDrafts
{
    public static TreatmentPhase Phase(int order, string description = "Tumorectomie", DateOnly? start = null, DateOnly? end = null,
        int? stay = null, TreatmentKind kind = TreatmentKind.Surgery) =>
        new(order, kind, description, start, end, "CHU", stay, null, null, null);

    public static readonly ProgrammeContact GpContact = new("Dr Durand", "Médecin traitant", "Cabinet des Lilas", "01 23 45 67 89");

    public static ProgrammeContent Content(
        IReadOnlyList<TreatmentPhase>? phases = null,
        IReadOnlyList<PlannedAssessment>? assessments = null,
        IReadOnlyList<ProgrammeContact>? contacts = null) =>
        new(
            phases ?? [Phase(1), Phase(2, "Radiothérapie", kind: TreatmentKind.Radiotherapy)],
            assessments ?? [new PlannedAssessment("Mammographie", "annuelle")],
            "Soutien psychologique",
            null,
            contacts ?? [GpContact]);

    public static CareProgramme Draft(ProgrammeContent? content = null, ProgrammeKind kind = ProgrammeKind.Pps, Guid? patient = null,
        Guid? caseId = null, CareProgramme? previous = null, DateTimeOffset? now = null) =>
        CareProgramme.Draft(patient ?? Patient, Episode, kind, caseId, content ?? Content(), Oncologist, now ?? Now, previous);

    public static DomainValidationException Refused(ProgrammeContent content, ProgrammeKind kind = ProgrammeKind.Pps) =>
        Assert.Throws<DomainValidationException>(() => Draft(content, kind));
}
