using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Domain.Professionals;
using Relais.Web.Data;
using Relais.Web.Identity;
using Relais.Web.Messaging;
using Relais.Web.Tests.Features.FollowUp;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Continuity;

/// <summary>Patients with a chemotherapy cycle planned, a second hospital to transfer to, and the notices of a change.</summary>
public static class ContinuityPatients
{
    /// <summary>A patient of Dr Dubois in active treatment, with a chemotherapy cycle planned at the demo hospital on 1 December 2026 at 09:00 (Paris).</summary>
    public static async Task<(HttpClient Oncologist, Guid PatientId, Guid CycleId)> PatientWithACycleAsync(this RelaisFactory factory)
    {
        var (oncologist, patientId, episodeId) = await factory.PatientInTreatmentAsync();
        var cycleId = await oncologist.PlanCycleAsync(patientId, episodeId, "2026-12-01T08:00:00Z");
        return (oncologist, patientId, cycleId);
    }

    public static async Task<Guid> PlanCycleAsync(this HttpClient oncologist, Guid patientId, Guid? episodeId, string at)
    {
        var response = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/appointments", new
        {
            kind = "chemotherapy-cycle", at, place = "Hôpital de jour d'oncologie", performer = "Dr Claire Martin", episodeId,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> DeferAsync(this HttpClient client, Guid patientId, string kind, Guid itemId, string priority = "medium", string reason = "Service saturé (crise)")
    {
        var response = await client.PostAsJsonAsync($"/api/patients/{patientId}/deferrals", new { item = new { kind, id = itemId }, reason, priority });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    /// <summary>A second hospital, in Le Havre, with one oncologist who is on no care team.</summary>
    public static async Task<(Guid HospitalId, Guid OncologistId)> OtherHospitalAsync(this RelaisFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RelaisUser>>();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var hospital = Organisation.Create($"Centre hospitalier du Havre {suffix}", OrganisationKind.Hospital, null, "Le Havre", "76600", factory.Time.GetUtcNow());
        db.Organisations.Add(hospital);
        await db.SaveChangesAsync();
        var email = Accounts.NewEmail("oncologue.havre");
        var user = new RelaisUser
        {
            Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, FirstName = "Paul", LastName = "Havrais", Specialty = Specialty.MedicalOncology,
            OrganisationId = hospital.Id, Rpps = Accounts.NewRpps(),
        };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.HospitalClinician)).Succeeded);
        return (hospital.Id, user.Id);
    }

    /// <summary>The care-change notices of a deferral, as (recipient, occurrence) pairs.</summary>
    public static async Task<List<(Guid Recipient, int Occurrence, string Title)>> NoticesAsync(this RelaisFactory factory, Guid deferralId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        return (await db.Reminders.AsNoTracking().Where(r => r.Kind == ReminderKind.CareChanged && r.SubjectId == deferralId)
            .Select(r => new { r.RecipientUserId, r.Occurrence, r.Title }).ToListAsync()).Select(r => (r.RecipientUserId, r.Occurrence, r.Title)).ToList();
    }

    public static async Task<Guid> UserIdAsync(this RelaisFactory factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RelaisDb>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }
}
