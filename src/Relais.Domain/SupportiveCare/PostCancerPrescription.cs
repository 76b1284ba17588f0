namespace Relais.Domain.SupportiveCare;

/// <summary>
/// A post-cancer package as prescribed (décret 2020-1665, CSP R.1415-1-11 to -14): for one patient and cancer episode,
/// by one prescriber, to one structure of the directory that accepts the package — the prescription goes straight to
/// it as a referral ([L]: no inverted circuit), and its members record the acts. The rules are
/// <see cref="PostCancerPackage"/>'s; this entity only keeps what they are checked against.
/// </summary>
public sealed class PostCancerPrescription
{
    private readonly List<PostCancerAct> acts = [];

    private PostCancerPrescription() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid EpisodeId { get; private set; }
    public Guid PrescribedBy { get; private set; }
    public Guid ProviderId { get; private set; }
    /// <summary>The referral that carried the prescription to the structure (its grant, its outbox message).</summary>
    public Guid ReferralId { get; private set; }
    public DateOnly PrescribedOn { get; private set; }
    public DateTimeOffset PrescribedAt { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<PostCancerAct> Acts => acts;

    /// <summary>
    /// Prescribes, after <see cref="PostCancerPackage.CheckPrescription"/>: the structure must be active in the directory and accept the
    /// package (the "structures porteuses" and the professionals they work with, R.1415-1-13).
    /// </summary>
    public static PostCancerPrescription Prescribe(Guid patientId, Guid episodeId, SupportiveCareProvider provider, DateOnly prescribedOn, DateOnly today, DateOnly? endOfActiveTreatment, bool inAldOnThatDay, IReadOnlyCollection<DateOnly> earlierPrescriptions, PostCancerPackageLimits limits,
        Guid by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(provider);
        if (!provider.Active || !provider.AcceptsPostCancerPackage || CarryingService(provider) is null)
            throw new DomainValidationException("providerId", $"{provider.Name} n'accepte pas le forfait post-cancer : choisissez une structure de l'annuaire qui l'accepte.");
        PostCancerPackage.CheckPrescription(prescribedOn, today, endOfActiveTreatment, inAldOnThatDay, earlierPrescriptions, limits);
        return new PostCancerPrescription
        {
            Id = Guid.CreateVersion7(now), PatientId = patientId, EpisodeId = episodeId, PrescribedBy = by, ProviderId = provider.Id,
            PrescribedOn = prescribedOn, PrescribedAt = now,
        };
    }

    /// <summary>
    /// The service the carrying referral names: the first of the package's disciplines the structure offers (psychology, dietetics,
    /// adapted physical activity); none when it offers none of them.
    /// </summary>
    public static SupportiveService? CarryingService(SupportiveCareProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        SupportiveService[] disciplines = [SupportiveService.Psychology, SupportiveService.Dietetics, SupportiveService.AdaptedPhysicalActivity];
        return disciplines.Where(provider.Offers).Select(s => (SupportiveService?)s).FirstOrDefault();
    }

    /// <summary>The referral that carries the prescription to the structure, staged with it.</summary>
    public void CarriedBy(Guid referralId) => ReferralId = referralId;

    public IReadOnlyList<PackageAct> Delivered => acts.Select(a => a.Act).ToList();

    public PackageBalance Balance(PostCancerPackageLimits limits) => PostCancerPackage.Balance(Delivered, limits);

    /// <summary>Records one act the structure delivered, after <see cref="PostCancerPackage.CheckAct"/>.</summary>
    public PostCancerAct Record(PackageAct act, DateOnly today, PostCancerPackageLimits limits, Guid by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(act);
        PostCancerPackage.CheckAct(Delivered, act, PrescribedOn, today, limits);
        var recorded = new PostCancerAct(Id, PatientId, act, by, now);
        acts.Add(recorded);
        Version++;
        return recorded;
    }
}

/// <summary>One act of a package, as the structure recorded it.</summary>
public sealed class PostCancerAct
{
    private PostCancerAct() { }

    internal PostCancerAct(Guid prescriptionId, Guid patientId, PackageAct act, Guid by, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        PrescriptionId = prescriptionId;
        PatientId = patientId;
        Kind = act.Kind;
        Discipline = act.Discipline;
        On = act.On;
        RecordedBy = by;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid PrescriptionId { get; private set; }
    /// <summary>The prescription's patient: every clinical row carries it (the distribution key of docs/scale-out.md).</summary>
    public Guid PatientId { get; private set; }
    public PackageActKind Kind { get; private set; }
    public PackageDiscipline Discipline { get; private set; }
    public DateOnly On { get; private set; }
    public Guid RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public PackageAct Act => new(Kind, Discipline, On);
}
