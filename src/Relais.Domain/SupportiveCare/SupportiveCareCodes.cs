namespace Relais.Domain.SupportiveCare;

/// <summary>The supportive-care codes a CSV cell lists; each code is read by <see cref="EnumCodes"/>, as everywhere else.</summary>
public static class SupportiveCareCodes
{
    /// <summary>A list of codes separated by commas, semicolons or '|' (the CSV cell of services).</summary>
    public static IReadOnlyList<SupportiveService> ParseList(string? text) =>
        (text ?? "").Split([',', ';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(code => EnumCodes.Parse<SupportiveService>(code, "services")).Distinct().ToList();
}
