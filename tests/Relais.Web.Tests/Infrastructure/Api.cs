using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Relais.Web.Tests.Infrastructure;

/// <summary>Helpers to talk to the API as a demo user.</summary>
public static class Api
{
    public const string Password = "Relais-Demo-2026!";
    public const string Oncologist = "oncologue@relais.demo";
    public const string Pathologist = "anapath@relais.demo";
    public const string Pharmacist = "pharmacien@relais.demo";
    public const string Gp = "medecin.traitant@relais.demo";
    public const string OtherGp = "medecin.traitant2@relais.demo";
    public const string Nurse = "ide.coordination@relais.demo";
    public const string Secretary = "secretariat.rcp@relais.demo";
    public const string Quality = "qualite.3c@relais.demo";
    public const string Admin = "admin@relais.demo";
    public const string PatientAccount = "patient@relais.demo";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>
    /// Signs in through the API as a person does: the password, then the code of the authenticator app. The demo accounts
    /// that must give a second factor (every professional: Security:RequireSecondFactorForProfessionals is on in the tests)
    /// have the published demo key (<see cref="Relais.Web.Demo.DemoData.AuthenticatorKey"/>); the others ignore the code.
    /// The code is on the machine's clock, which is the one Identity checks it against (see TwoFactorTests).
    /// </summary>
    public static Task<HttpResponseMessage> LoginAsync(this HttpClient client, string email, string password = Password, bool cookies = false,
        string authenticatorKey = Relais.Web.Demo.DemoData.AuthenticatorKey) =>
        client.PostAsJsonAsync(cookies ? "/api/auth/login?useCookies=true" : "/api/auth/login", new { email, password, twoFactorCode = Accounts.TotpNow(authenticatorKey) });

    public static async Task<HttpClient> ClientAsAsync(this RelaisFactory factory, string email)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.LoginAsync(email);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client signed in with the cookie, as a browser is: for the pages.</summary>
    public static async Task<HttpClient> CookieClientAsync(this RelaisFactory factory, string email)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.LoginAsync(email, cookies: true);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text.Length == 0 ? "null" : text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    public static async Task<Guid> FirstPatientIdAsync(this HttpClient client, string? search = null)
    {
        var page = await client.GetJsonAsync($"/api/patients?pageSize=1&search={Uri.EscapeDataString(search ?? "")}");
        return page.GetProperty("items")[0].GetProperty("id").GetGuid();
    }

    /// <summary>A valid INS built from the 13-character NIR with its key.</summary>
    public static string Ins(string nir13) => nir13 + Relais.Domain.Patients.InsNumber.ComputeKey(nir13).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
}
