using Relais.Domain;
using Relais.Web.Components.Kit;
using Relais.Web.Features.Patients;

namespace Relais.Web.Features.Appointments;

/// <summary>The fields of a slot as the planning and re-scheduling forms post them (day and time in Paris).</summary>
public sealed class SlotForm
{
    public string? Kind { get; set; }
    public string? Day { get; set; }
    public string? Time { get; set; }
    public string? HospitalId { get; set; }
    public string? Place { get; set; }
    public string? Performer { get; set; }
    public string? PerformerId { get; set; }
    public bool Teleconsultation { get; set; }
    public string? TeleconsultationLink { get; set; }
    public string? PatientMeans { get; set; }

    public DateTimeOffset At()
    {
        var day = FormDates.Required(Day, "at", "Indiquez la date du rendez-vous.");
        var time = FormValues.Time(Time) ?? throw new DomainValidationException("at", "Indiquez l'heure du rendez-vous (HH:MM).");
        return FormValues.ParisToUtc(day, time);
    }

    public SlotInput ToSlot() => new(At(), FormValues.Id(HospitalId), Place, Performer, Teleconsultation, TeleconsultationLink, PatientMeans);
}
