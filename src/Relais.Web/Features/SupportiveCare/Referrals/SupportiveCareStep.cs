using Microsoft.AspNetCore.Components;
using Relais.Domain;
using Relais.Web.Identity;

namespace Relais.Web.Features.SupportiveCare.Referrals;

/// <summary>
/// Base of the forms of <see cref="PatientSupportiveCare"/>: the page has run the access rule (as a write on a form
/// post) and the capability; a form saves through its use case, then comes back to the page, or shows the refused fields.
/// </summary>
public abstract class SupportiveCareStep : ComponentBase
{
    private readonly Dictionary<string, string> errors = [];

    [Parameter, EditorRequired] public Guid PatientId { get; set; }
    /// <summary>The access rule granted this request and the capability table the act.</summary>
    [Parameter] public bool CanWrite { get; set; }
    [CascadingParameter] protected HttpContext HttpContext { get; set; } = default!;
    [CascadingParameter] protected CurrentUser? SignedIn { get; set; }
    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    protected CurrentUser User => SignedIn!;

    protected Dictionary<string, string> Errors => errors;

    protected async Task SaveAsync(string section, Func<CancellationToken, Task> save)
    {
        if (!CanWrite) return;
        try
        {
            await save(HttpContext.RequestAborted);
            Navigation.NavigateTo($"/patients/{PatientId}/soins-de-support?fait={section}#{section}-title");
        }
        catch (DomainValidationException e)
        {
            errors[e.Field] = e.Message;
        }
    }
}
