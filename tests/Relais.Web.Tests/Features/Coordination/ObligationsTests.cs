using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Domain.Coordination;
using Relais.Domain.Professionals;
using Relais.Web.Data;
using Relais.Web.Features.Coordination;
using Relais.Web.Tests.Infrastructure;
using static Relais.Web.Tests.Features.Coordination.TransmissionAssertions;

namespace Relais.Web.Tests.Features.Coordination;

/// <summary>An obligation fired by another feature's step reaches its recipients with its due time (PRODUCT.md §4).</summary>
public abstract class ObligationsTests(RelaisFactory factory)
{
    [Fact]
    public async Task C15_ThePalliativePhase_InformsTheGp()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var marie = await factory.MarieDurandAsync();
        var timeline = await oncologist.GetJsonAsync($"/api/patients/{marie}/timeline");
        var episodeId = timeline[0].GetProperty("episodeId").GetGuid();
        var step = await oncologist.PostAsJsonAsync($"/api/patients/{marie}/episodes/{episodeId}/transitions", new { to = "palliative", occurredOn = "2026-11-23" });
        Assert.Equal(HttpStatusCode.Created, step.StatusCode);
        AssertTransmission(await oncologist.TransmissionAsync(marie, "c15"), "c15", "general-practitioner");
    }
}

[Collection("sqlite")]
public sealed class ObligationsSqliteTests(SqliteRelaisFactory factory) : ObligationsTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class ObligationsPostgresTests(PostgresRelaisFactory factory) : ObligationsTests(factory), IClassFixture<PostgresRelaisFactory>;

/// <summary>Due delays are the catalogue's defaults unless an organisation sets its own (its own database: it changes a setting).</summary>
public abstract class ObligationSettingsTests(RelaisFactory factory)
{
    [Fact]
    public async Task AnOrganisationCanSetItsOwnDelay()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
            var hospital = await db.Organisations.FirstAsync(o => o.Kind == OrganisationKind.Hospital);
            db.ObligationSettings.Add(new ObligationSetting { Id = Guid.NewGuid(), OrganisationId = hospital.Id, Code = ObligationCode.C12, DueHours = 36 });
            await db.SaveChangesAsync();
        }
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var marie = await factory.MarieDurandAsync();
        await oncologist.UploadAsync(marie, "follow-up-protocol", "Protocole de suivi");
        var t = await oncologist.TransmissionAsync(marie, "c12");
        Assert.Equal(t.GetProperty("createdAt").GetDateTimeOffset() + TimeSpan.FromHours(36), t.GetProperty("dueAt").GetDateTimeOffset());
    }
}

[Collection("sqlite")]
public sealed class ObligationSettingsSqliteTests(SqliteRelaisFactory factory) : ObligationSettingsTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class ObligationSettingsPostgresTests(PostgresRelaisFactory factory) : ObligationSettingsTests(factory), IClassFixture<PostgresRelaisFactory>;
