using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Domain.Surveillance;
using Relais.Web.Data;
using Relais.Web.Operations;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Operations;

/// <summary>
/// Two requests racing to write the same thing meet a unique index (one open alert per concern, one
/// protocol version...): the loser gets a 409 problem, not a 500, and nothing of it is written.
/// </summary>
public abstract class ConflictTests(RelaisFactory factory)
{
    [Fact]
    public async Task AWriteRefusedByAUniqueIndex_IsRecognisedOnThisDatabase_AndAnsweredWithA409Problem()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var before = await db.Protocols.CountAsync();
        // The shipped breast protocol, version 1, is already there: the same code and version again.
        db.Protocols.Add(SurveillanceProtocol.Draft(ShippedProtocols.Breast, RelaisFactory.Start));
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.True(ProblemExceptionHandler.IsUniqueViolation(refused), refused.InnerException?.GetType().Name);

        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Response.Body = new MemoryStream();
        var handler = ActivatorUtilities.CreateInstance<ProblemExceptionHandler>(scope.ServiceProvider);
        Assert.True(await handler.TryHandleAsync(http, refused, CancellationToken.None));
        Assert.Equal(StatusCodes.Status409Conflict, http.Response.StatusCode);
        http.Response.Body.Position = 0;
        Assert.Contains("rien n'a été enregistré", await new StreamReader(http.Response.Body).ReadToEndAsync());

        await using var check = factory.Services.CreateAsyncScope();
        Assert.Equal(before, await check.ServiceProvider.GetRequiredService<RelaisDb>().Protocols.CountAsync());
    }
}

[Collection("sqlite")]
public sealed class ConflictSqliteTests(SqliteRelaisFactory factory) : ConflictTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class ConflictPostgresTests(PostgresRelaisFactory factory) : ConflictTests(factory), IClassFixture<PostgresRelaisFactory>;
