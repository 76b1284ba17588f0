using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Patients;

/// <summary>Bodies of POST/PUT /api/patients, and the count of patients a client sees.</summary>
internal static class PatientBodies
{
    public static object New(string ins, string birthDate = "1958-03-14", Guid? gp = null, string? gpChangeAgreement = null) => new
    {
        ins,
        birthName = "Lemaire",
        usedName = (string?)null,
        firstNames = "Hélène",
        birthDate,
        sex = "female",
        phone = "06 12 34 56 78",
        email = (string?)null,
        address = new { line1 = "3 rue des Lilas", postalCode = "76000", city = "Rouen" },
        generalPractitionerId = gp,
        gpChangeAgreement,
    };

    /// <summary>A new patient's body with the given INS, sex and birth date, and optionally a confirmed identity mismatch.</summary>
    public static object Of(string ins, string sex, string birthDate, bool confirm = false, string? reason = null) => new
    {
        ins,
        birthName = "Vigilance",
        firstNames = "Claude",
        birthDate,
        sex,
        confirmIdentityMismatch = confirm,
        identityMismatchReason = reason,
    };

    public static async Task<int> CountAsync(HttpClient client) =>
        (await client.GetJsonAsync("/api/patients?pageSize=1")).GetProperty("total").GetInt32();
}
