using Relais.Web.Components.Kit;
using Relais.Web.Features.Patients;

namespace Relais.Web.Features.FollowUp.ContinuingTreatments;

/// <summary>The fields of one continuing treatment as a form posts them (end of treatment, or the treatments page).</summary>
public sealed class ContinuingTreatmentForm
{
    public string? Drug { get; set; }
    public string? Class { get; set; }
    public string? StartedOn { get; set; }
    public string? PlannedMonths { get; set; }
    public string? Prescriber { get; set; }

    /// <summary>No drug named: the end-of-treatment form records no continuing treatment.</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Drug);

    public ContinuingTreatmentInput ToInput() =>
        new(Drug, Class, FormDates.Optional(StartedOn, "startedOn"), string.IsNullOrWhiteSpace(PlannedMonths) ? null
            : FormValues.Int(PlannedMonths) ?? throw new Domain.DomainValidationException("plannedMonths", "La durée prévue est un nombre de mois."), Prescriber);
}
