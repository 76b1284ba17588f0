namespace Relais.Web.Features.Patients;

/// <summary>
/// A patient's display name ("LEMAIRE Hélène") for projections: EF cannot translate
/// <see cref="Domain.Patients.Patient.DisplayName"/>, so queries select the three name fields and
/// format them here, in memory (SQLite's upper() is ASCII-only). Same format as the domain property.
/// </summary>
public static class PatientName
{
    public static string Of(string birthName, string? usedName, string firstNames) =>
        $"{(usedName ?? birthName).ToUpperInvariant()} {firstNames}";
}
