namespace Relais.Domain.Continuity;

/// <summary>
/// A crisis declared for a territory (a living area, the one geography of Relais) by the 3C's crisis referent [C]
/// "la désignation d'un référent COVID au sein de chaque centre de coordination en cancérologie": while it lasts, the
/// teams of that territory see a banner and the re-scheduling worklist first. Ended, never deleted, so that the
/// indicators can compare deferred care before, during and after.
/// </summary>
public sealed class CrisisPeriod
{
    private CrisisPeriod() { }

    public Guid Id { get; private set; }
    public string AreaCode { get; private set; } = "";
    public Guid StartedBy { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public Guid? EndedBy { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }

    public bool IsActive => EndedAt is null;

    public static CrisisPeriod Start(string areaCode, Guid by, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(areaCode)) throw new DomainValidationException("territory", "Choisissez le territoire.");
        return new CrisisPeriod { Id = Guid.CreateVersion7(now), AreaCode = areaCode, StartedBy = by, StartedAt = now };
    }

    public void End(Guid by, DateTimeOffset now)
    {
        if (!IsActive) return;
        EndedBy = by;
        EndedAt = now;
    }
}
