namespace Relais.Domain.PalliativeCare;

public enum HadStatus { Requested, Admitted, Declined, Ended }

/// <summary>Who writes the HAD prescription ([G] §2.6): the GP, or the hospital physician with the GP's agreement.</summary>
public enum HadPrescriber { GeneralPractitioner, HospitalPhysician }

/// <summary>Whose agreement the prescription carries ([G] §2.6: « avec l'accord du patient et/ou celui de sa famille »).</summary>
public enum HadAgreement { Patient, Family, PatientAndFamily }

/// <summary>One prescription (the first or a renewal): who, with whose agreement, for how many days.</summary>
public sealed record HadPrescription(HadPrescriber? Prescriber, DateOnly? GpAgreementOn, HadAgreement? Agreement, DateOnly? AgreementOn, int? Days);

/// <summary>
/// A home hospitalisation ([G] §2.6): requested on a written prescription → assessed and admitted (or declined) by the HAD's
/// coordinating physician → a stay of 1 to 20 days, renewable on a new prescription, the prescriber reminded before it
/// ends (<see cref="RemindOn"/>) → ended. The HAD is a structure of the supportive-care directory.
/// </summary>
public sealed class HadStay
{
    private HadStay() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid ProviderId { get; private set; }
    public HadStatus Status { get; private set; }
    public HadPrescriber Prescriber { get; private set; }
    public DateOnly? GpAgreementOn { get; private set; }
    public HadAgreement Agreement { get; private set; }
    public DateOnly AgreementOn { get; private set; }
    /// <summary>The days the current prescription covers (the first one, or the last renewal).</summary>
    public int PrescribedDays { get; private set; }
    /// <summary>The therapeutic project the request carries.</summary>
    public string Project { get; private set; } = "";
    public DateOnly RequestedOn { get; private set; }
    public Guid RequestedBy { get; private set; }
    public string? Assessment { get; private set; }
    public Guid? DecidedBy { get; private set; }
    public DateOnly? DecidedOn { get; private set; }
    public DateOnly? StayFrom { get; private set; }
    /// <summary>Last day of the stay as prescribed, inclusive.</summary>
    public DateOnly? StayUntil { get; private set; }
    public int Renewals { get; private set; }
    /// <summary>The day the prescriber is reminded to renew; null when nothing is to renew.</summary>
    public DateOnly? RemindOn { get; private set; }
    public DateTimeOffset? RemindedAt { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public int Version { get; private set; }

    public static HadStay Request(Guid patientId, Guid providerId, bool providerIsHad, HadPrescription prescription, string? project, DateOnly today, Guid by, DateTimeOffset now)
    {
        if (!providerIsHad) throw new DomainValidationException("providerId", "Choisissez une structure d'HAD de l'annuaire.");
        var (prescriber, gpAgreement, agreement, agreementOn, days) = Check(prescription, today);
        return new HadStay
        {
            Id = Guid.CreateVersion7(now), PatientId = patientId, ProviderId = providerId, Status = HadStatus.Requested, Prescriber = prescriber,
            GpAgreementOn = gpAgreement, Agreement = agreement, AgreementOn = agreementOn, PrescribedDays = days,
            Project = PalliativeRules.Required(project, "project", PalliativeRules.MaxText, "Le projet thérapeutique de l'HAD est obligatoire (soins palliatifs, chimiothérapie, nutrition...)."),
            RequestedOn = today, RequestedBy = by, Version = 1,
        };
    }

    /// <summary>Checks a prescription against [G] §2.6: prescriber, the GP's agreement for a hospital prescriber, the patient's or family's agreement, 1 to 20 days.</summary>
    public static (HadPrescriber, DateOnly?, HadAgreement, DateOnly, int) Check(HadPrescription p, DateOnly today)
    {
        if (p.Prescriber is not { } prescriber) throw new DomainValidationException("prescriber", "Indiquez le prescripteur : médecin traitant ou médecin hospitalier.");
        if (prescriber == HadPrescriber.HospitalPhysician && p.GpAgreementOn is null)
            throw new DomainValidationException("gpAgreementOn", "Prescrite par le médecin hospitalier, l'HAD demande l'accord du médecin traitant : indiquez sa date.");
        if (p.GpAgreementOn > today) throw new DomainValidationException("gpAgreementOn", "L'accord du médecin traitant ne peut pas être daté dans le futur.");
        if (p.Agreement is not { } agreement) throw new DomainValidationException("agreement", "L'accord du patient ou de sa famille est obligatoire.");
        if (p.AgreementOn is not { } agreementOn) throw new DomainValidationException("agreementOn", "Indiquez la date de l'accord du patient ou de sa famille.");
        if (agreementOn > today) throw new DomainValidationException("agreementOn", "L'accord ne peut pas être daté dans le futur.");
        if (p.Days is not { } days || days < PalliativeRules.MinStayDays || days > PalliativeRules.MaxStayDays)
            throw new DomainValidationException("days", $"La prescription d'HAD couvre {PalliativeRules.MinStayDays} à {PalliativeRules.MaxStayDays} jours (renouvelables).");
        return (prescriber, prescriber == HadPrescriber.HospitalPhysician ? p.GpAgreementOn : null, agreement, agreementOn, days);
    }

    /// <summary>The coordinating physician admits after assessing the patient's health and home; the stay runs the prescribed days from <paramref name="from"/>.</summary>
    public void Admit(DateOnly? from, string? assessment, DateOnly today, Guid by)
    {
        if (Status != HadStatus.Requested) throw new DomainValidationException("status", "Seule une demande en attente peut être admise ou refusée.");
        if (from is not { } start) throw new DomainValidationException("from", "Indiquez le premier jour du séjour.");
        if (start < RequestedOn) throw new DomainValidationException("from", "Le séjour ne peut commencer avant la demande.");
        if (start > today.AddDays(30)) throw new DomainValidationException("from", "Le séjour commence plus de 30 jours après aujourd'hui : vérifiez la saisie.");
        Assessment = PalliativeRules.Required(assessment, "assessment", PalliativeRules.MaxText, "L'évaluation de l'état de santé et du domicile est obligatoire.");
        Status = HadStatus.Admitted;
        DecidedBy = by;
        DecidedOn = today;
        StayFrom = start;
        StayUntil = start.AddDays(PrescribedDays - 1);
        RemindOn = StayUntil.Value.AddDays(-PalliativeRules.RenewalReminderDays);
        Version++;
    }

    public void Decline(string? assessment, DateOnly today, Guid by)
    {
        if (Status != HadStatus.Requested) throw new DomainValidationException("status", "Seule une demande en attente peut être admise ou refusée.");
        Assessment = PalliativeRules.Required(assessment, "assessment", PalliativeRules.MaxText, "Le motif du refus d'admission est obligatoire.");
        Status = HadStatus.Declined;
        DecidedBy = by;
        DecidedOn = today;
        Version++;
    }

    /// <summary>A new written prescription extends the stay from the day after it ends, for 1 to 20 days; the reminder is set again.</summary>
    public void Renew(HadPrescription prescription, DateOnly today)
    {
        if (Status != HadStatus.Admitted || StayUntil is not { } until) throw new DomainValidationException("status", "Seul un séjour en cours se renouvelle.");
        if (until < today.AddDays(-1)) throw new DomainValidationException("status", "Le séjour a pris fin : faites une nouvelle demande d'HAD.");
        var (prescriber, gpAgreement, agreement, agreementOn, days) = Check(prescription, today);
        Prescriber = prescriber;
        GpAgreementOn = gpAgreement;
        Agreement = agreement;
        AgreementOn = agreementOn;
        PrescribedDays = days;
        StayUntil = until.AddDays(days);
        Renewals++;
        RemindOn = StayUntil.Value.AddDays(-PalliativeRules.RenewalReminderDays);
        RemindedAt = null;
        Version++;
    }

    public void End(DateOnly? on, DateOnly today)
    {
        if (Status != HadStatus.Admitted) throw new DomainValidationException("status", "Seul un séjour en cours peut prendre fin.");
        if (on is not { } day) throw new DomainValidationException("endedOn", "Indiquez le jour de fin du séjour.");
        if (day < StayFrom || day > today) throw new DomainValidationException("endedOn", "La fin du séjour se situe entre son début et aujourd'hui.");
        Status = HadStatus.Ended;
        EndedOn = day;
        RemindOn = null;
        Version++;
    }

    public void Reminded(DateTimeOffset now) => RemindedAt = now;

    /// <summary>Whether the stay is running on <paramref name="today"/>.</summary>
    public bool RunsOn(DateOnly today) => Status == HadStatus.Admitted && StayFrom <= today && today <= StayUntil;
}
