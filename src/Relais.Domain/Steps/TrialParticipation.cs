namespace Relais.Domain.Steps;

public enum TrialStatus { Informed, Consented, Declined, Withdrawn }

/// <summary>
/// A patient's participation in a clinical trial, as [G] §1.3 describes it: « Si son inclusion dans un essai clinique est
/// possible, il doit recevoir une information orale et écrite concernant sa participation. S'il accepte cette
/// participation, il doit signer un formulaire de consentement éclairé. À tout moment, il peut revenir sur sa décision et
/// quitter l'essai. » Relais records the information given, the signed consent (or the refusal) and the withdrawal; the
/// consent form itself stays with the investigator.
/// </summary>
public sealed class TrialParticipation
{
    public const int MaxTitle = 300, MaxRegistration = 60, MaxNote = 1000;

    public const string Source = "[G] §1.3 « Qu'en est-il de la participation aux essais cliniques ? » : information orale et écrite, "
        + "formulaire de consentement éclairé signé, retrait possible à tout moment";

    private TrialParticipation() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>The trial's registration number (EU CT, NCT...), when known.</summary>
    public string? Registration { get; private set; }
    public DateOnly InformedOn { get; private set; }
    public TrialStatus Status { get; private set; }
    public DateOnly? ConsentSignedOn { get; private set; }
    public DateOnly? DeclinedOn { get; private set; }
    public DateOnly? WithdrawnOn { get; private set; }
    public string? Note { get; private set; }
    public Guid RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>Whether the patient takes part now: consent signed, not withdrawn.</summary>
    public bool Active => Status == TrialStatus.Consented;

    /// <summary>The oral and written information on the trial was given on <paramref name="informedOn"/>.</summary>
    public static TrialParticipation Inform(Guid patientId, string? title, string? registration, DateOnly? informedOn, DateOnly today, Guid by, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(title)) throw new DomainValidationException("title", "L'intitulé de l'essai est obligatoire.");
        if (title.Length > MaxTitle) throw new DomainValidationException("title", $"L'intitulé dépasse {MaxTitle} caractères.");
        if (registration is { Length: > MaxRegistration }) throw new DomainValidationException("registration", $"Le numéro d'enregistrement dépasse {MaxRegistration} caractères.");
        if (informedOn is not { } on) throw new DomainValidationException("informedOn", "La date de l'information est obligatoire.");
        if (on > today) throw new DomainValidationException("informedOn", "La date de l'information ne peut pas être dans le futur.");
        if (on < today.AddYears(-30)) throw new DomainValidationException("informedOn", "La date de l'information est trop ancienne : vérifiez la saisie.");
        return new TrialParticipation
        {
            Id = Guid.CreateVersion7(now), PatientId = patientId, Title = title.Trim(), Registration = string.IsNullOrWhiteSpace(registration) ? null : registration.Trim(),
            InformedOn = on, Status = TrialStatus.Informed, RecordedBy = by, RecordedAt = now, Version = 1,
        };
    }

    /// <summary>The patient signed the informed-consent form: only after the information, not in the future.</summary>
    public void Consent(DateOnly? signedOn, DateOnly today) => Decide(signedOn, today, accepted: true);

    /// <summary>The patient declined to take part after the information.</summary>
    public void Decline(DateOnly? on, DateOnly today) => Decide(on, today, accepted: false);

    private void Decide(DateOnly? on, DateOnly today, bool accepted)
    {
        if (Status != TrialStatus.Informed) throw new DomainValidationException("status", "La décision du patient sur cet essai est déjà enregistrée.");
        var day = Day(on, accepted ? "consentSignedOn" : "declinedOn", InformedOn, today, "l'information");
        if (accepted) ConsentSignedOn = day; else DeclinedOn = day;
        Status = accepted ? TrialStatus.Consented : TrialStatus.Declined;
        Version++;
    }

    /// <summary>The patient leaves the trial: « à tout moment », no reason required.</summary>
    public void Withdraw(DateOnly? on, string? note, DateOnly today)
    {
        if (Status != TrialStatus.Consented) throw new DomainValidationException("status", "Seul un patient inclus (consentement signé) peut quitter l'essai.");
        if (note is { Length: > MaxNote }) throw new DomainValidationException("note", $"La note dépasse {MaxNote} caractères.");
        WithdrawnOn = Day(on, "withdrawnOn", ConsentSignedOn!.Value, today, "la signature du consentement");
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Status = TrialStatus.Withdrawn;
        Version++;
    }

    private static DateOnly Day(DateOnly? on, string field, DateOnly notBefore, DateOnly today, string what)
    {
        if (on is not { } day) throw new DomainValidationException(field, "La date est obligatoire.");
        if (day > today) throw new DomainValidationException(field, "La date ne peut pas être dans le futur.");
        if (day < notBefore) throw new DomainValidationException(field, $"La date précède {what} ({D(notBefore)}).");
        return day;
    }

    private static string D(DateOnly? day) => day?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    /// <summary>The one line the record and the PPS show.</summary>
    public string Describe() => Status switch
    {
        TrialStatus.Informed => $"Essai « {Title} » : information donnée le {D(InformedOn)}, décision en attente",
        TrialStatus.Consented => $"Essai « {Title} » : inclus(e), consentement signé le {D(ConsentSignedOn)} (retrait possible à tout moment)",
        TrialStatus.Declined => $"Essai « {Title} » : participation refusée le {D(DeclinedOn)}",
        _ => $"Essai « {Title} » : retrait le {D(WithdrawnOn)}",
    } + (Registration is null ? "" : $" — {Registration}");
}
