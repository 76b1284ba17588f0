namespace Relais.Domain.Questionnaires;

/// <summary>The validation of a questionnaire version by a physician.</summary>
public sealed record QuestionnaireValidation(Guid By, string Name, DateTimeOffset At);

public enum QuestionnaireStatus
{
    ToValidate,
    Validated,
}

/// <summary>
/// One version of a questionnaire, versioned and validated as surveillance protocols are
/// (<see cref="Surveillance.SurveillanceProtocol"/>): its alert rules tell patients what to do and the team what
/// to act on, so a version is answered only once a physician has validated it; a validated version never
/// changes (the responses quote it), a change is a new version.
/// </summary>
public sealed class QuestionnaireVersion
{
    private QuestionnaireVersion() { }

    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public int Version { get; private set; }
    public QuestionnaireDefinition Definition { get; private set; } = null!;
    public DateTimeOffset CreatedAt { get; private set; }
    public QuestionnaireValidation? Validation { get; private set; }
    /// <summary>Concurrency token of the row: a validation made from an older revision is refused.</summary>
    public int Revision { get; private set; }

    public QuestionnaireStatus Status => Validation is null ? QuestionnaireStatus.ToValidate : QuestionnaireStatus.Validated;
    public string Title => Definition.Title;

    public static QuestionnaireVersion Draft(QuestionnaireDefinition definition, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        definition.EnsureValid();
        return new QuestionnaireVersion { Id = Guid.CreateVersion7(now), Code = definition.Code, Version = definition.Version, Definition = definition, CreatedAt = now };
    }

    /// <summary>A new version "to validate" (same code, a higher number).</summary>
    public QuestionnaireVersion Revise(QuestionnaireDefinition definition, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Code != Code) throw new DomainValidationException("code", $"Une nouvelle version du questionnaire « {Code} » garde son code.");
        if (definition.Version <= Version) throw new DomainValidationException("version", $"La nouvelle version doit porter un numéro supérieur à {Version}.");
        return Draft(definition, now);
    }

    public void EnsureRevision(int? expected)
    {
        if (expected is { } r && r != Revision) throw new StaleVersionException("revision", r, Revision);
    }

    /// <summary>A physician validates the version; once is enough, and it is final.</summary>
    public void Validate(Guid by, string? name, bool isPhysician, DateTimeOffset now)
    {
        if (!isPhysician) throw new DomainValidationException("by", "Un questionnaire et ses règles d'alerte sont validés par un médecin.");
        var who = name?.Trim();
        if (string.IsNullOrEmpty(who)) throw new DomainValidationException("name", "Indiquez le nom du médecin qui valide.");
        if (who.Length > 200) throw new DomainValidationException("name", "Le nom est limité à 200 caractères.");
        if (Validation is not null) throw new DomainValidationException("version", $"La version {Version} du questionnaire « {Code} » est déjà validée.");
        Validation = new QuestionnaireValidation(by, who, now);
        Revision++;
    }

    public void EnsureValidated()
    {
        if (Validation is null)
            throw new DomainValidationException("questionnaire", $"La version {Version} du questionnaire « {Code} » n'est pas encore validée par un médecin.");
    }
}
