using System.Globalization;
using System.Net.Http.Json;

namespace Relais.Web.Tests.Infrastructure;

/// <summary>Builders of the records a web test needs, created through the API as a user would: <c>A.Patient()</c>.</summary>
public static class A
{
    public static PatientBuilder Patient() => new();
}

/// <summary><c>An.Episode()</c>.</summary>
public static class An
{
    public static EpisodeBuilder Episode() => new();
}

/// <summary>
/// A new patient with a fresh, valid INS that agrees with the sex and birth date (born abroad, department
/// 99, an order number no other builder in the process uses): no test declares identifiers of its own.
/// </summary>
public sealed class PatientBuilder
{
    private static int counter;
    private string birthName = "Essai";
    private string firstNames = "Jeanne";
    private DateOnly birthDate = new(1961, 6, 1);
    private string sex = "female";
    private string? gpSearch = "Dubois";
    private object? address;

    public PatientBuilder Named(string birth, string first)
    {
        birthName = birth;
        firstNames = first;
        return this;
    }

    public PatientBuilder Born(int year, int month, int day) => Born(new DateOnly(year, month, day));

    public PatientBuilder Born(DateOnly date)
    {
        birthDate = date;
        return this;
    }

    public PatientBuilder Male()
    {
        sex = "male";
        return this;
    }

    public PatientBuilder Female()
    {
        sex = "female";
        return this;
    }

    /// <summary>The declared GP, found in the directory by name (Dr Dubois by default).</summary>
    public PatientBuilder WithGp(string search)
    {
        gpSearch = search;
        return this;
    }

    /// <summary>An address in that commune (the directory ranks providers from it); none by default.</summary>
    public PatientBuilder LivingIn(string postalCode, string city)
    {
        address = new { line1 = "1 place de la Mairie", postalCode, city };
        return this;
    }

    public PatientBuilder WithoutGp()
    {
        gpSearch = null;
        return this;
    }

    public string NewIns()
    {
        var n = Interlocked.Increment(ref counter);
        var nir13 = string.Create(CultureInfo.InvariantCulture,
            $"{(sex == "male" ? 1 : 2)}{birthDate.Year % 100:00}{birthDate.Month:00}99{100 + n / 1000:000}{n % 1000:000}");
        return Api.Ins(nir13);
    }

    /// <summary>Registers the patient as <paramref name="by"/> (who joins the care team) and returns the id.</summary>
    public async Task<Guid> CreateAsync(HttpClient by)
    {
        Guid? gpId = gpSearch is null ? null
            : (await by.GetJsonAsync($"/api/professionals?role=GeneralPractitioner&search={Uri.EscapeDataString(gpSearch)}"))[0].GetProperty("id").GetGuid();
        var response = await by.PostAsJsonAsync("/api/patients", new
        {
            ins = NewIns(), birthName, firstNames, birthDate = birthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), sex, generalPractitionerId = gpId, address,
        });
        Assert.True(response.IsSuccessStatusCode, $"the patient was refused: {await response.Content.ReadAsStringAsync()}");
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }
}

/// <summary>A cancer episode (breast, C50.4, confirmed on 10 November 2026 unless told otherwise).</summary>
public sealed class EpisodeBuilder
{
    private string site = "C50.4";
    private string siteLabel = "Sein, quadrant supéro-externe";
    private string histology = "8500/3";
    private DateOnly diagnosis = new(2026, 11, 10);
    private string phase = "diagnosis-confirmed";
    private bool isRareCancer;

    /// <summary>Flagged as a rare cancer (the expert network's circuit, issue 16).</summary>
    public EpisodeBuilder RareCancer()
    {
        isRareCancer = true;
        return this;
    }

    public EpisodeBuilder Site(string icd10, string label)
    {
        site = icd10;
        siteLabel = label;
        return this;
    }

    public EpisodeBuilder Histology(string icdO3)
    {
        histology = icdO3;
        return this;
    }

    public EpisodeBuilder DiagnosedOn(int year, int month, int day)
    {
        diagnosis = new DateOnly(year, month, day);
        return this;
    }

    /// <summary>The phase the episode is opened at (kebab-case code, as the API takes it).</summary>
    public EpisodeBuilder At(string phaseCode)
    {
        phase = phaseCode;
        return this;
    }

    public async Task<Guid> CreateAsync(HttpClient by, Guid patientId)
    {
        var day = diagnosis.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var response = await by.PostAsJsonAsync($"/api/patients/{patientId}/episodes", new
        {
            primarySite = site, primarySiteLabel = siteLabel, histology, diagnosisDate = day, initialPhase = phase, openedOn = day,
            clinicalT = "T2", clinicalN = "N0", clinicalM = "M0", isRareCancer,
        });
        Assert.True(response.IsSuccessStatusCode, $"the episode was refused: {await response.Content.ReadAsStringAsync()}");
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }
}
