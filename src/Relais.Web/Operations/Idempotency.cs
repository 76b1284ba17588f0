using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Web.Data;
using Relais.Web.Identity;
using Relais.Web.Messaging;

namespace Relais.Web.Operations;

/// <summary>
/// Idempotency-Key on creations: the key is recorded in the same transaction as what the request
/// creates (the unique index on user and key refuses a concurrent twin), the first answer is kept and
/// returned again for the same key; the same key with a different request is refused with 422.
/// </summary>
public static class Idempotency
{
    public const string Header = "Idempotency-Key";

    /// <summary>Keeps the request body readable for the hash after model binding has read it.</summary>
    public static IApplicationBuilder UseIdempotencyBuffering(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.Request.Headers.ContainsKey(Header)) http.Request.EnableBuffering();
        await next(http);
    });

    public static TBuilder WithIdempotency<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        // What the filter may answer, for the API document: the key too long (400), the first request with
        // this key still running (409), the key reused with another request (422).
        foreach (var status in (int[])[StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity])
            builder.WithMetadata(Problems.Declared(status));
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var key = http.Request.Headers[Header].ToString();
            if (string.IsNullOrEmpty(key)) return await next(context);
            if (key.Length > 200)
                return TypedResults.Problem(ProblemExceptionHandler.Validation(Header, "La clé d'idempotence est limitée à 200 caractères."));
            var user = CurrentUser.From(http.User);
            if (user is null) return await next(context);
            var hash = await HashAsync(http);
            var db = http.RequestServices.GetRequiredService<RelaisDb>();

            var existing = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == user.Id && r.Key == key, http.RequestAborted);
            if (existing is not null) return Replay(existing, hash);

            var record = new IdempotencyRecord
            {
                Id = Guid.CreateVersion7(), UserId = user.Id, Key = key, RequestHash = hash,
                CreatedAt = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(),
            };
            db.IdempotencyRecords.Add(record);
            object? result;
            try
            {
                result = await next(context);
            }
            catch (DbUpdateException)
            {
                // A twin request with the same key committed first: its answer is the answer.
                db.ChangeTracker.Clear();
                var twin = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == user.Id && r.Key == key, http.RequestAborted);
                if (twin is null) throw;
                return Replay(twin, hash);
            }

            if (db.Entry(record).State == EntityState.Detached) return result;
            var inner = result;
            while (inner is INestedHttpResult nested) inner = nested.Result;
            record.StatusCode = (inner as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
            record.Location = LocationOf(inner);
            if (inner is IValueHttpResult { Value: { } value })
            {
                var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
                record.Body = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), json);
                record.ContentType = value is Microsoft.AspNetCore.Mvc.ProblemDetails ? "application/problem+json" : "application/json; charset=utf-8";
            }
            await db.SaveChangesAsync(http.RequestAborted);
            return result;
        });
        return builder;
    }

    private static string? LocationOf(object? result) =>
        result?.GetType().GetProperty("Location")?.GetValue(result) as string;

    private static IResult Replay(IdempotencyRecord record, string hash)
    {
        if (record.RequestHash != hash)
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Clé d'idempotence déjà utilisée",
                detail: "Cette clé Idempotency-Key a déjà servi pour une autre requête.", extensions: new Dictionary<string, object?> { ["field"] = Header });
        if (record.StatusCode is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Requête en cours", detail: "La première requête portant cette clé est en cours de traitement.");
        return new ReplayResult(record);
    }

    private static async Task<string> HashAsync(HttpContext http)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{http.Request.Method} {http.Request.Path}\n"));
        if (http.Request.HasFormContentType)
        {
            // A multipart body changes its boundary on every send: what counts is the fields and the files.
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            foreach (var field in form.OrderBy(f => f.Key, StringComparer.Ordinal))
                sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{field.Key}={field.Value}\n"));
            foreach (var file in form.Files.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{file.Name}:{file.FileName}:{file.Length}\n"));
                await using var stream = file.OpenReadStream();
                sha.AppendData(await System.Security.Cryptography.SHA256.HashDataAsync(stream, http.RequestAborted));
            }
        }
        else if (http.Request.Body.CanSeek)
        {
            http.Request.Body.Position = 0;
            var buffer = new byte[81920];
            int read;
            while ((read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0) sha.AppendData(buffer, 0, read);
            http.Request.Body.Position = 0;
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private sealed class ReplayResult(IdempotencyRecord record) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = record.StatusCode ?? 200;
            http.Response.Headers["Idempotent-Replayed"] = "true";
            if (record.Location is not null) http.Response.Headers.Location = record.Location;
            if (record.Body is not null)
            {
                http.Response.ContentType = record.ContentType ?? "application/json";
                await http.Response.Body.WriteAsync(record.Body);
            }
        }
    }
}
