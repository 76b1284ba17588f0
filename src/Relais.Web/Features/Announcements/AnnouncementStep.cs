using Microsoft.AspNetCore.Components;
using Relais.Domain;
using Relais.Web.Identity;

namespace Relais.Web.Features.Announcements;

/// <summary>
/// Base of the step forms of <see cref="AnnouncementView"/>: the page has run the access rule (as a write
/// on a form post) and passes the record; a step saves through its use case, then comes back to the page
/// at its own section, or shows the refused fields.
/// </summary>
public abstract class AnnouncementStep : ComponentBase
{
    private readonly Dictionary<string, string> errors = [];

    [Parameter, EditorRequired] public Guid PatientId { get; set; }
    [Parameter, EditorRequired] public Guid EpisodeId { get; set; }
    [Parameter, EditorRequired] public AnnouncementDto Record { get; set; } = default!;
    /// <summary>The user is a professional and the access rule granted this request.</summary>
    [Parameter] public bool CanWrite { get; set; }
    [CascadingParameter] protected HttpContext HttpContext { get; set; } = default!;
    [Inject] protected NavigationManager Navigation { get; set; } = default!;
    [Inject] protected Clock Clock { get; set; } = default!;

    /// <summary>The signed-in user, cascaded from the root (WebSetup); the announcement pages require sign-in.</summary>
    [CascadingParameter] protected CurrentUser? SignedIn { get; set; }

    protected CurrentUser User => SignedIn!;

    /// <summary>The refused fields of this step's form, null until it fails.</summary>
    protected IReadOnlyDictionary<string, string>? Errors => errors.Count == 0 ? null : errors;

    /// <param name="section">The step's anchor: its section title is <c>{section}-title</c>.</param>
    protected async Task SaveAsync(string section, Func<CancellationToken, Task<AnnouncementDto?>> save)
    {
        if (!CanWrite) return;
        try
        {
            await save(HttpContext.RequestAborted);
            Navigation.NavigateTo($"/patients/{PatientId}/episodes/{EpisodeId}/annonce?enregistre=1#{section}-title");
        }
        catch (DomainValidationException e)
        {
            errors[e.Field] = e.Message;
        }
    }
}
