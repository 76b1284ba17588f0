using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Data;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Portal;

/// <summary>A new patient without a portal account whose PPS was issued (C5), and the ways into a freshly activated account.</summary>
public static class PortalPatients
{
    public const string BirthDate = "1962-02-20";

    public static async Task<(HttpClient Oncologist, Guid PatientId)> PatientWithPpsAsync(this RelaisFactory factory)
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        return (oncologist, await oncologist.PatientWithPpsAsync());
    }

    /// <summary>The same through any client of the oncologist (the browser tests' app listens on a real port).</summary>
    public static async Task<Guid> PatientWithPpsAsync(this HttpClient oncologist)
    {
        var patientId = await A.Patient().Born(DateOnly.Parse(BirthDate, System.Globalization.CultureInfo.InvariantCulture)).CreateAsync(oncologist);
        var episodeId = await An.Episode().Site("C50.4", "Sein").CreateAsync(oncologist, patientId);
        foreach (var (to, on) in new[] { ("announcement", "2026-11-16"), ("tumor-board", "2026-11-19") })
            Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/episodes/{episodeId}/transitions", new { to, occurredOn = on })).StatusCode);
        var created = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/programmes/pps", new
        {
            episodeId,
            phases = new[] { new { order = 1, kind = "surgery", description = "Tumorectomie et ganglion sentinelle", plannedStart = "2026-12-07", place = "Hôpital Saint-Relais", expectedStayDays = 1 } },
            assessments = new[] { new { what = "Mammographie", frequency = "annuelle" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return patientId;
    }

    /// <summary>Activates an invitation as a patient does: birth date, password and TOTP; returns the authenticator key.</summary>
    public static async Task<string> ActivateAsPatientAsync(this HttpClient anonymous, string token, string birthDate = BirthDate)
    {
        var key = (await anonymous.GetJsonAsync($"/api/auth/activate?token={token}")).GetProperty("authenticatorKey").GetString()!;
        var response = await anonymous.PostAsJsonAsync("/api/auth/activate", new
        {
            token, password = Accounts.NewPassword, confirmation = Accounts.NewPassword, code = Accounts.TotpNow(key), birthDate,
        });
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"POST /api/auth/activate answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return key;
    }

    /// <summary>A bearer client of an activated account, signed in with its password and a TOTP code.</summary>
    public static async Task<HttpClient> SignInWithTotpAsync(this RelaisFactory factory, string identifier, string key)
    {
        var login = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = identifier, password = Accounts.NewPassword, twoFactorCode = Accounts.TotpNow(key) });
        Assert.True(login.StatusCode == HttpStatusCode.OK, $"login answered {(int)login.StatusCode}");
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.JsonAsync()).GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>The audited events about a patient with this prefix, oldest first.</summary>
    public static async Task<List<string>> PatientEventsAsync(this RelaisFactory factory, Guid patientId, string prefix)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        return await db.AuditEntries.Where(a => a.PatientId == patientId && a.Action.StartsWith(prefix)).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
    }
}
