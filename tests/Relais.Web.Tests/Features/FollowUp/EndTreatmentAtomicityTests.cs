using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Data;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.FollowUp;

/// <summary>
/// End of treatment commits together (ARCHITECTURE: "whatever must happen together commits together"):
/// a failure at any write of it (pathway, enrolment, carnet, PPAC and its document, C11, C12, outbox,
/// audit) leaves the record as it was, and the retry then succeeds instead of being refused as
/// "already enrolled".
/// </summary>
public abstract partial class EndTreatmentAtomicityTests(RelaisFactory factory)
{
    [Fact]
    public async Task AFailureAtAnyWrite_LeavesNothingHalfWritten_AndTheRetrySucceeds()
    {
        var writes = new FailingWrite();
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureServices(services =>
        {
            // Tells the interceptor which request a command serves: background services (the audit chain) write too.
            services.AddHttpContextAccessor();
            // The interceptor joins the options of whichever provider the app runs on.
            services.ConfigureDbContext<SqliteRelaisDb>(o => o.AddInterceptors(writes));
            services.ConfigureDbContext<PostgresRelaisDb>(o => o.AddInterceptors(writes));
        }));
        var oncologist = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await oncologist.LoginAsync(Api.Oncologist);
        oncologist.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        var (patientId, episodeId) = await oncologist.PatientInTreatmentAsync(app.Services);
        var before = await StateAsync(app, patientId, episodeId);
        var request = new { episodeId, endOfTreatment = "2026-10-15", protocol = "breast", radiotherapy = true, horizonMonths = 12, lateComplications = "Lymphœdème." };

        HttpResponseMessage ended;
        var failures = 0;
        for (var n = 1; ; n++)
        {
            Assert.True(n < 200, "end of treatment never succeeded");
            writes.FailAt(n);
            ended = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/end-of-treatment", request);
            writes.Disarm();
            if (!writes.Failed) break;
            failures++;
            Assert.True(ended.StatusCode == HttpStatusCode.InternalServerError, $"write {n} failed, yet the request answered {(int)ended.StatusCode}");
            Assert.Equal(before, await StateAsync(app, patientId, episodeId));
        }

        // Every statement it writes was made to fail once; the attempt in which none failed is the retry, accepted.
        Assert.True(failures >= 3, $"only {failures} writes were made to fail");
        Assert.Equal(HttpStatusCode.Created, ended.StatusCode);
        var after = await StateAsync(app, patientId, episodeId);
        Assert.Equal(1, after.Enrolments);
        Assert.True(after.CarnetItems > 0);
        Assert.Equal(1, after.Programmes);
        Assert.Equal(before.Documents + 1, after.Documents);
        Assert.Equal(before.Transmissions + 2, after.Transmissions);
        Assert.True(after.OutboxMessages > before.OutboxMessages);
        Assert.Equal(before.PathwayEvents + 2, after.PathwayEvents);
        Assert.Equal("SharedFollowUp", after.Phase);
        var obligations = (await oncologist.GetJsonAsync($"/api/patients/{patientId}/transmissions")).EnumerateArray().Select(t => t.GetProperty("obligation").GetString()).ToList();
        Assert.Contains("c11", obligations);
        Assert.Contains("c12", obligations);
    }

    private sealed record State(int Enrolments, int CarnetItems, int Programmes, int Documents, int Transmissions, int OutboxMessages, int PathwayEvents, string Phase);

    private static async Task<State> StateAsync(WebApplicationFactory<Program> app, Guid patientId, Guid episodeId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        return new State(
            await db.Enrolments.CountAsync(e => e.PatientId == patientId),
            await db.CarnetItems.CountAsync(i => i.PatientId == patientId),
            await db.Programmes.CountAsync(p => p.PatientId == patientId),
            await db.Documents.CountAsync(d => d.PatientId == patientId),
            await db.Transmissions.CountAsync(t => t.PatientId == patientId),
            await db.OutboxMessages.CountAsync(m => m.PatientId == patientId),
            await db.PathwayEvents.CountAsync(e => e.EpisodeId == episodeId),
            (await db.Episodes.AsNoTracking().FirstAsync(e => e.Id == episodeId)).Phase.ToString());
    }

    /// <summary>
    /// Once armed, fails the command carrying the Nth data-changing statement that an end-of-treatment
    /// request sends to the database, as a lost connection would.
    /// </summary>
    private sealed partial class FailingWrite : DbCommandInterceptor
    {
        private readonly HttpContextAccessor requests = new();
        private int failAt;
        private int seen;

        public bool Failed { get; private set; }

        public void FailAt(int n)
        {
            seen = 0;
            Failed = false;
            failAt = n;
        }

        public void Disarm() => failAt = 0;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
            CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        /// <summary>
        /// A provider may batch several statements into one command (PostgreSQL does): the command
        /// carrying the Nth statement fails, so every statement of the save is counted once.
        /// </summary>
        private void Check(DbCommand command)
        {
            if (failAt == 0 || requests.HttpContext?.Request.Path.Value?.EndsWith("/end-of-treatment", StringComparison.Ordinal) != true) return;
            var statements = Write().Count(command.CommandText);
            if (statements == 0) return;
            var first = seen + 1;
            seen += statements;
            if (failAt < first || failAt > seen) return;
            Failed = true;
            throw new InvalidOperationException($"Injected failure at write {failAt}.");
        }

        [GeneratedRegex(@"^\s*(INSERT|UPDATE|DELETE)\s", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
        private static partial Regex Write();
    }
}

[Collection("sqlite")]
public sealed class EndTreatmentAtomicitySqliteTests(SqliteRelaisFactory factory) : EndTreatmentAtomicityTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class EndTreatmentAtomicityPostgresTests(PostgresRelaisFactory factory) : EndTreatmentAtomicityTests(factory), IClassFixture<PostgresRelaisFactory>;
