using System.Globalization;
using Microsoft.Extensions.Primitives;
using Relais.Domain;
using Relais.Domain.Access;
using Relais.Domain.Programmes;
using Relais.Web.Features.Access;
using Relais.Web.Identity;
using R4 = Hl7.Fhir.Model;

namespace Relais.Web.Features.Fhir;

/// <summary>The Bundles in and out of <c>/fhir</c>: the laboratory Bundle posted, the patient and paging parameters, the searchset with its links.</summary>
public static partial class FhirApi
{
    private static async Task<IResult> PostBundle(HttpContext http, CurrentUser user, LabBundleImport import, CancellationToken ct)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync(ct);
        try
        {
            var bundle = LabBundleImport.ParseBundle(body);
            var (response, _) = await import.HandleAsync(user, bundle, ct);
            return FhirJson.Result(response);
        }
        catch (BundleRefusedException e)
        {
            return FhirJson.Result(FhirJson.Outcome(e.Code, e.Message, e.Expression), e.Status);
        }
        catch (DomainValidationException e)
        {
            return FhirJson.Invalid(e.Message, e.Field);
        }
        catch (CapabilityRefusedException e)
        {
            return FhirJson.Result(FhirJson.Outcome(R4.OperationOutcome.IssueType.Forbidden, e.Message), StatusCodes.Status403Forbidden);
        }
    }

    /// <summary>The <c>patient</c> parameter: <c>123</c> or <c>Patient/123</c>; required. Not a Relais id: no patient (empty searchset).</summary>
    private static IResult? PatientParameter(HttpContext http, out Guid? patientId)
    {
        patientId = null;
        var raw = http.Request.Query["patient"].ToString();
        if (raw.Length == 0 && http.Request.Query["subject"].ToString() is { Length: > 0 } subject) raw = subject;
        if (raw.Length == 0) return FhirJson.Invalid("Le paramètre patient est obligatoire (patient=<id> ou Patient/<id>).", "patient");
        if (raw.StartsWith("Patient/", StringComparison.Ordinal)) raw = raw["Patient/".Length..];
        patientId = Guid.TryParse(raw, out var id) ? id : null;
        return null;
    }

    /// <summary>The answer of a patient's search, when it is decided before reading: no match (a system Relais does not use).</summary>
    private static Task<(IReadOnlyList<T> Items, FhirRefusal Refusal)> NoMatch<T>() where T : R4.Resource =>
        Task.FromResult<(IReadOnlyList<T>, FhirRefusal)>(([], FhirRefusal.None));

    /// <summary>
    /// A search of one patient's resources (<c>patient=</c> or <c>subject=</c>), paged: no Relais patient named answers an
    /// empty searchset; a part of the record the role does not read, 403; a patient the caller may not see, an empty
    /// searchset (the access rule, applied and audited by the read).
    /// </summary>
    private static async Task<IResult> PatientSearchAsync<T>(HttpContext http, Func<CurrentUser?, Guid, Task<(IReadOnlyList<T> Items, FhirRefusal Refusal)>> search)
        where T : R4.Resource
    {
        if (PatientParameter(http, out var patientId) is { } error) return error;
        if (!Paging(http.Request.Query, out var offset, out var count, out var pagingError)) return pagingError!;
        if (patientId is null) return Searchset(http, Array.Empty<R4.Resource>(), 0, offset, count);
        var (items, refusal) = await search(CurrentUser.From(http.User), patientId.Value);
        return refusal == FhirRefusal.Forbidden ? Refusal(refusal) : Searchset(http, items, offset, count);
    }

    /// <summary>A read by id: the patient the resource belongs to (null: unknown), then that patient's resources narrowed to it, through the access rule.</summary>
    private static async Task<IResult> ReadOfPatientAsync<T>(Guid? patientId, Func<Guid, Task<(IReadOnlyList<T> Items, FhirRefusal Refusal)>> read) where T : R4.Resource
    {
        if (patientId is not { } id) return FhirJson.NotFound();
        var (items, refusal) = await read(id);
        return items.Count == 0 ? Refusal(refusal) : FhirJson.Result(items[0]);
    }

    private static bool Paging(IQueryCollection q, out int offset, out int count, out IResult? error)
    {
        offset = 0;
        count = DefaultCount;
        error = null;
        if (q.TryGetValue("_count", out var c) && (!int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > MaxCount))
        {
            error = FhirJson.Invalid($"_count va de 1 à {MaxCount}.", "_count");
            return false;
        }
        if (q.TryGetValue("_offset", out var o) && (!int.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset < 0))
        {
            error = FhirJson.Invalid("_offset est un entier positif.", "_offset");
            return false;
        }
        return true;
    }

    private static IResult Searchset<T>(HttpContext http, IReadOnlyList<T> all, int offset, int count) where T : R4.Resource =>
        Searchset(http, all.Skip(offset).Take(count).ToList(), all.Count, offset, count);

    /// <summary>A searchset Bundle with its total and its self, first, previous and next links (<c>_offset</c> and <c>_count</c>).</summary>
    private static IResult Searchset<T>(HttpContext http, IReadOnlyList<T> page, int total, int offset, int count) where T : R4.Resource
    {
        var baseUrl = BaseUrl(http);
        var bundle = new R4.Bundle { Type = R4.Bundle.BundleType.Searchset, Total = total, Timestamp = DateTimeOffset.UtcNow };
        string Link(int at)
        {
            var query = http.Request.Query.Where(kv => kv.Key is not ("_offset" or "_count")).SelectMany(kv => kv.Value.Select(v => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(v ?? "")}"))
                .Append($"_count={count.ToString(CultureInfo.InvariantCulture)}").Append($"_offset={at.ToString(CultureInfo.InvariantCulture)}");
            return $"{baseUrl}{http.Request.Path.Value!["/fhir".Length..]}?{string.Join('&', query)}";
        }
        bundle.Link.Add(new R4.Bundle.LinkComponent { Relation = "self", Url = Link(offset) });
        bundle.Link.Add(new R4.Bundle.LinkComponent { Relation = "first", Url = Link(0) });
        if (offset > 0) bundle.Link.Add(new R4.Bundle.LinkComponent { Relation = "previous", Url = Link(Math.Max(0, offset - count)) });
        if (offset + page.Count < total) bundle.Link.Add(new R4.Bundle.LinkComponent { Relation = "next", Url = Link(offset + count) });
        foreach (var resource in page)
            bundle.Entry.Add(new R4.Bundle.EntryComponent
            {
                FullUrl = $"{baseUrl}/{resource.TypeName}/{resource.Id}",
                Resource = resource,
                Search = new R4.Bundle.SearchComponent { Mode = R4.Bundle.SearchEntryMode.Match },
            });
        return FhirJson.Result(bundle);
    }
}
