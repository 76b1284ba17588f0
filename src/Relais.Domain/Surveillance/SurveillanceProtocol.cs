using Relais.Domain.Alerts;

namespace Relais.Domain.Surveillance;

/// <summary>A validation of a protocol version by a representative of the specialists or of the GPs.</summary>
public sealed record ProtocolValidation(ValidatorRole Role, Guid By, string Name, DateTimeOffset At);

/// <summary>
/// One version of a surveillance protocol (référentiel de suivi). Protocols are "élaborés et validés
/// en commun" [B]: a version stays "à valider" until a specialist and a GP representative have both
/// validated it, and only then can it plan a patient's follow-up. A validated version never changes
/// (patients planned on it keep their calendar); a change is a new version, to validate again.
/// </summary>
public sealed class SurveillanceProtocol
{
    private SurveillanceProtocol() { }

    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public int Version { get; private set; }
    public ProtocolDefinition Definition { get; private set; } = null!;
    public DateTimeOffset CreatedAt { get; private set; }
    public ProtocolValidation? SpecialistValidation { get; private set; }
    public ProtocolValidation? GpValidation { get; private set; }
    /// <summary>
    /// Concurrency token of this version's row (its content and validations): every change adds one, and a
    /// change made from an older revision is refused. Not <see cref="Version"/>, the protocol's own numbering.
    /// </summary>
    public int Revision { get; private set; }

    /// <summary>Refuses a change made from another revision than the current one (a concurrent edit).</summary>
    public void EnsureRevision(int? expected)
    {
        if (expected is { } r && r != Revision) throw new StaleVersionException("revision", r, Revision);
    }

    public ProtocolStatus Status => SpecialistValidation is not null && GpValidation is not null
        ? ProtocolStatus.Validated
        : ProtocolStatus.ToValidate;

    public string Title => Definition.Title;
    public ProtocolKind Kind => Definition.Kind;

    /// <summary>The early-return rules of this version, quoted by every alert they raise.</summary>
    public EarlyReturnRuleSet RuleSet => new(Code, Version, Kind, Definition.Thresholds);

    /// <summary>A new version, "à valider". Throws the first fault of the definition, named by its JSON path.</summary>
    public static SurveillanceProtocol Draft(ProtocolDefinition definition, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        definition.EnsureValid();
        return new SurveillanceProtocol
        {
            Id = Guid.CreateVersion7(now),
            Code = definition.Code,
            Version = definition.Version,
            Definition = definition,
            CreatedAt = now,
        };
    }

    /// <summary>
    /// Replaces the content of a version still to validate. Validations already recorded are
    /// dropped: they were given to the previous content.
    /// </summary>
    public void Edit(ProtocolDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (Status == ProtocolStatus.Validated)
            throw new DomainValidationException("protocol", $"La version {Version} du référentiel « {Code} » est validée : elle ne peut plus être modifiée. Créez une nouvelle version.");
        if (definition.Code != Code) throw new DomainValidationException("code", "Le code d'un référentiel ne change pas d'une modification à l'autre.");
        if (definition.Version != Version) throw new DomainValidationException("version", "Pour changer de numéro de version, créez une nouvelle version.");
        definition.EnsureValid();
        Definition = definition;
        SpecialistValidation = null;
        GpValidation = null;
        Revision++;
    }

    /// <summary>A new version of this protocol, "à valider", from <paramref name="definition"/> (same code, a higher version number).</summary>
    public SurveillanceProtocol Revise(ProtocolDefinition definition, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Code != Code) throw new DomainValidationException("code", $"Une nouvelle version du référentiel « {Code} » garde son code.");
        if (definition.Version <= Version)
            throw new DomainValidationException("version", $"La nouvelle version doit porter un numéro supérieur à {Version}.");
        return Draft(definition, now);
    }

    /// <summary>Records the validation of <paramref name="role"/>'s representative; the two validations come from two different people.</summary>
    public void Validate(ValidatorRole role, Guid by, string? name, DateTimeOffset now)
    {
        var who = name?.Trim();
        if (string.IsNullOrEmpty(who)) throw new DomainValidationException("name", "Indiquez le nom de la personne qui valide.");
        if (who.Length > 200) throw new DomainValidationException("name", "Le nom est limité à 200 caractères.");
        var existing = role == ValidatorRole.Specialist ? SpecialistValidation : GpValidation;
        if (existing is not null)
            throw new DomainValidationException("role", role == ValidatorRole.Specialist
                ? "Ce référentiel est déjà validé par un représentant des spécialistes."
                : "Ce référentiel est déjà validé par un représentant des médecins généralistes.");
        var other = role == ValidatorRole.Specialist ? GpValidation : SpecialistValidation;
        if (other is not null && other.By == by)
            throw new DomainValidationException("by", "Les validations du spécialiste et du médecin généraliste doivent venir de deux personnes différentes.");

        var validation = new ProtocolValidation(role, by, who, now);
        if (role == ValidatorRole.Specialist) SpecialistValidation = validation;
        else GpValidation = validation;
        Revision++;
    }

    /// <summary>Refuses a version that is not validated by both a specialist and a GP representative [B].</summary>
    public void EnsureValidated()
    {
        if (Status != ProtocolStatus.Validated)
        {
            var missing = (SpecialistValidation, GpValidation) switch
            {
                (null, null) => "d'un spécialiste et d'un médecin généraliste",
                (null, _) => "d'un spécialiste",
                _ => "d'un médecin généraliste",
            };
            throw new DomainValidationException("protocol", $"La version {Version} du référentiel « {Code} » est à valider : il manque la validation {missing}.");
        }
    }

    /// <summary>The Carnet de Surveillance Alternée this version gives for <paramref name="treatmentEnd"/> (J0); refused while the version is to validate.</summary>
    public IReadOnlyList<CarnetEntry> Preview(DateOnly treatmentEnd, bool radiotherapy, int horizonMonths)
    {
        EnsureValidated();
        return SurveillanceCalendar.Generate(Definition, treatmentEnd, radiotherapy, horizonMonths);
    }
}
