namespace Relais.Domain.Surveillance;

/// <summary>
/// Which surveillance protocol fits a cancer, from its ICD-10 primary site: the seeds name the sites of
/// shared follow-up [B] — breast (C50), colon and rectum (C18–C20), prostate (C61). It is a proposal the
/// physician confirms at the end of treatment: for the prostate, the protocol after prostatectomy is
/// proposed unless the treatment was radiotherapy.
/// </summary>
public static class ProtocolProposal
{
    public static IReadOnlyList<ProtocolKind> KindsFor(string? icd10Site)
    {
        var category = (icd10Site ?? "").Trim().ToUpperInvariant();
        if (category.Length > 3) category = category[..3];
        return category switch
        {
            "C50" => [ProtocolKind.Breast],
            "C18" or "C19" or "C20" => [ProtocolKind.Colorectal],
            "C61" => [ProtocolKind.Prostatectomy, ProtocolKind.ProstateRadiotherapy],
            _ => [],
        };
    }

    /// <summary>The kind to propose for this site, or null when no shipped kind of protocol fits it.</summary>
    public static ProtocolKind? KindFor(string? icd10Site, bool radiotherapy = false)
    {
        var kinds = KindsFor(icd10Site);
        if (kinds.Count == 0) return null;
        return radiotherapy && kinds.Contains(ProtocolKind.ProstateRadiotherapy) ? ProtocolKind.ProstateRadiotherapy : kinds[0];
    }

    /// <summary>
    /// The code of the usable protocol to propose, among <paramref name="usable"/> (code and kind of each
    /// protocol that can be enrolled in): the first of the site's kind, else null (the physician chooses).
    /// </summary>
    public static string? CodeFor(string? icd10Site, IEnumerable<(string Code, ProtocolKind Kind)> usable, bool radiotherapy = false) =>
        KindFor(icd10Site, radiotherapy) is { } kind ? usable.Where(p => p.Kind == kind).Select(p => p.Code).FirstOrDefault() : null;
}
