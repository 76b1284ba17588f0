namespace Relais.Domain.Continuity;

/// <summary>What an appointment is for (issue 14 point 7): a visit, a treatment cycle or session, an examination.</summary>
public enum AppointmentKind { Consultation, ChemotherapyCycle, RadiotherapySession, Imaging, Surgery, Other }

/// <summary>How the patient joins a teleconsultation: the means the patient has [C] "recours au télé-soin".</summary>
public enum TeleconsultationMeans { Video, Phone }

/// <summary>Planned, or put off until re-scheduled (<see cref="Deferral"/>); done and cancelled close it.</summary>
public enum AppointmentStatus { Planned, Deferred, Done, Cancelled }

public static class AppointmentLabels
{
    public static string Label(this AppointmentKind kind) => kind switch
    {
        AppointmentKind.Consultation => "Consultation",
        AppointmentKind.ChemotherapyCycle => "Cure de chimiothérapie",
        AppointmentKind.RadiotherapySession => "Séance de radiothérapie",
        AppointmentKind.Imaging => "Imagerie",
        AppointmentKind.Surgery => "Intervention chirurgicale",
        _ => "Autre rendez-vous",
    };

    public static string Label(this TeleconsultationMeans means) => means == TeleconsultationMeans.Video ? "vidéo" : "téléphone";

    public static string Label(this AppointmentStatus status) => status switch
    {
        AppointmentStatus.Planned => "Prévu",
        AppointmentStatus.Deferred => "Reporté",
        AppointmentStatus.Done => "Réalisé",
        _ => "Annulé",
    };
}

/// <summary>Where and how an appointment takes place: the same fields when it is planned and when it is re-scheduled.</summary>
/// <param name="HospitalId">The establishment (an organisation of kind hospital) when the place is one.</param>
/// <param name="Place">The place as the patient reads it (service, building), or the establishment's name.</param>
public sealed record AppointmentSlot(DateTimeOffset At, Guid? HospitalId, string? Place, string? Performer, bool Teleconsultation, string? TeleconsultationLink,
    TeleconsultationMeans? PatientMeans);

/// <summary>
/// An appointment or a treatment cycle of a patient (issue 14 point 7, one model): its date and time, place, kind,
/// performer, and whether it is a teleconsultation — with the link and the patient's means, video or phone [C]. It may
/// belong to an episode and to a phase of the PPS. During a crisis it can be deferred and re-scheduled, elsewhere or
/// at a distance (PRODUCT.md §10).
/// </summary>
public sealed class Appointment
{
    private Appointment() { }

    public const int MaxTextLength = 200;

    /// <summary>
    /// A step transferred to another hospital opens the care team to that hospital's professionals for that step
    /// (PRODUCT.md §10, [C] "coopérations interterritoriales"): from the transfer to this many days after the step, for
    /// the report and its immediate consequences [R]; the access rule ends it then, like any membership.
    /// </summary>
    public const int TransferMembershipDaysAfterStep = 30;
    public const int MaxLinkLength = 500;

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid? EpisodeId { get; private set; }
    /// <summary>The PPS and the order of its phase this appointment carries out, when it does.</summary>
    public Guid? ProgrammeId { get; private set; }
    public int? PhaseOrder { get; private set; }
    public AppointmentKind Kind { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? HospitalId { get; private set; }
    public string? Place { get; private set; }
    public string? Performer { get; private set; }
    public bool Teleconsultation { get; private set; }
    public string? TeleconsultationLink { get; private set; }
    public TeleconsultationMeans? PatientMeans { get; private set; }
    public AppointmentStatus Status { get; private set; }
    public Guid CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>How many times it was re-scheduled.</summary>
    public int Reschedules { get; private set; }

    public static Appointment Plan(Guid patientId, Guid? episodeId, Guid? programmeId, int? phaseOrder, AppointmentKind kind, AppointmentSlot slot, Guid by,
        DateTimeOffset now)
    {
        if (!Enum.IsDefined(kind)) throw new DomainValidationException("kind", "Type de rendez-vous inconnu.");
        if (phaseOrder is not null && programmeId is null) throw new DomainValidationException("programmeId", "Une phase se rapporte à un PPS.");
        if (phaseOrder is < 1) throw new DomainValidationException("phaseOrder", "Le numéro de phase commence à 1.");
        var appointment = new Appointment
        {
            Id = Guid.CreateVersion7(now),
            PatientId = patientId,
            EpisodeId = episodeId,
            ProgrammeId = programmeId,
            PhaseOrder = phaseOrder,
            Kind = kind,
            Status = AppointmentStatus.Planned,
            CreatedBy = by,
            CreatedAt = now,
        };
        appointment.Apply(slot, now);
        return appointment;
    }

    /// <summary>Put off: it waits for a new date on the re-scheduling worklist.</summary>
    public void Defer()
    {
        if (Status is AppointmentStatus.Done or AppointmentStatus.Cancelled)
            throw new DomainValidationException("item", "Un rendez-vous réalisé ou annulé ne se reporte pas.");
        Status = AppointmentStatus.Deferred;
    }

    /// <summary>A new date (and perhaps another place, or at a distance): planned again.</summary>
    public void Reschedule(AppointmentSlot slot, DateTimeOffset now)
    {
        if (Status is AppointmentStatus.Done or AppointmentStatus.Cancelled)
            throw new DomainValidationException("item", "Un rendez-vous réalisé ou annulé ne se reprogramme pas.");
        Apply(slot, now);
        Status = AppointmentStatus.Planned;
        Reschedules++;
    }

    /// <summary>What the patient and the GP are told of it: "Cure de chimiothérapie le 12/12/2026 à 09:00, en téléconsultation (vidéo)".</summary>
    public string Describe(string? hospitalName, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(At, zone);
        var text = $"{Kind.Label()} le {local:dd/MM/yyyy} à {local:HH\\:mm}";
        if (Teleconsultation) text += $", en téléconsultation ({PatientMeans?.Label() ?? "vidéo"})";
        var where = hospitalName ?? Place;
        if (where is not null) text += $", {where}";
        return text;
    }

    private void Apply(AppointmentSlot slot, DateTimeOffset now)
    {
        if (slot.At < now.AddYears(-1) || slot.At > now.AddYears(5))
            throw new DomainValidationException("at", "La date du rendez-vous doit être comprise entre il y a un an et dans cinq ans.");
        var place = Text(slot.Place, "place", MaxTextLength);
        if (place is null && slot.HospitalId is null && !slot.Teleconsultation)
            throw new DomainValidationException("place", "Indiquez le lieu du rendez-vous (établissement ou lieu), ou une téléconsultation.");
        string? link = null;
        if (slot.Teleconsultation)
        {
            if (slot.PatientMeans is not { } means || !Enum.IsDefined(means))
                throw new DomainValidationException("patientMeans", "Indiquez comment le patient se connecte : vidéo ou téléphone.");
            link = Text(slot.TeleconsultationLink, "teleconsultationLink", MaxLinkLength);
            if (means == TeleconsultationMeans.Video && (link is null || !Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
                throw new DomainValidationException("teleconsultationLink", "Une téléconsultation en vidéo a besoin de son lien (https://…).");
        }
        At = slot.At.ToUniversalTime();
        HospitalId = slot.HospitalId;
        Place = place;
        Performer = Text(slot.Performer, "performer", MaxTextLength);
        Teleconsultation = slot.Teleconsultation;
        TeleconsultationLink = link;
        PatientMeans = slot.Teleconsultation ? slot.PatientMeans : null;
    }

    private static string? Text(string? value, string field, int max)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (text.Length > max) throw new DomainValidationException(field, $"Limité à {max} caractères.");
        return text;
    }
}
