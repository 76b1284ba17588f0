using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Data;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.TumorBoards;

/// <summary>The upcoming meetings (GET /api/meetings, the boards page, the patient's RCP page, the worklist) load in a fixed number of queries.</summary>
public abstract class MeetingQueryTests(RelaisFactory factory)
{
    /// <summary>Counts the database commands run while serving requests to one path (the background workers have no request).</summary>
    private sealed class CommandCounter(IHttpContextAccessor http, PathString path) : DbCommandInterceptor
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public void Reset() => Interlocked.Exchange(ref count, 0);

        private void Seen()
        {
            if (http.HttpContext?.Request.Path.StartsWithSegments(path) == true) Interlocked.Increment(ref count);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result,
            CancellationToken cancellationToken = default)
        {
            Seen();
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Seen();
            return base.ReaderExecuting(command, eventData, result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
            CancellationToken cancellationToken = default)
        {
            Seen();
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            Seen();
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    [Fact]
    public async Task UpcomingMeetings_TakeAFixedNumberOfQueries_HoweverManyMeetingsThereAre()
    {
        var accessor = new HttpContextAccessor();
        var counter = new CommandCounter(accessor, "/api/meetings");
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureServices(services =>
        {
            services.AddSingleton<IHttpContextAccessor>(accessor);
            services.ConfigureDbContext<SqliteRelaisDb>(o => o.AddInterceptors(counter));
            services.ConfigureDbContext<PostgresRelaisDb>(o => o.AddInterceptors(counter));
        }));
        var secretary = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await secretary.LoginAsync(Api.Secretary);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        secretary.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.JsonAsync()).GetProperty("accessToken").GetString());

        async Task<(int Meetings, int Queries)> UpcomingAsync()
        {
            counter.Reset();
            var meetings = await secretary.GetJsonAsync("/api/meetings?days=365");
            return (meetings.GetArrayLength(), counter.Count);
        }

        var before = await UpcomingAsync();
        var boardId = await RcpTestData.BreastBoardIdAsync(secretary);
        for (var week = 1; week <= 6; week++)
        {
            var planned = await secretary.PostAsJsonAsync($"/api/tumor-boards/{boardId}/meetings",
                new { startsAt = factory.Time.GetUtcNow().AddDays(7 * week).AddHours(5), location = $"Salle {week}" });
            Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
        }
        var after = await UpcomingAsync();

        Assert.Equal(before.Meetings + 6, after.Meetings);
        // The reads, and the batched insert auditing the patients the list shows (review M5): as many commands for any number of meetings.
        Assert.InRange(before.Queries, 1, 8);
        Assert.Equal(before.Queries, after.Queries);
    }
}

[Collection("sqlite")]
public sealed class MeetingQuerySqliteTests(SqliteRelaisFactory factory) : MeetingQueryTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class MeetingQueryPostgresTests(PostgresRelaisFactory factory) : MeetingQueryTests(factory), IClassFixture<PostgresRelaisFactory>;
