using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Relais.Domain;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.Palliative;

/// <summary>
/// Base of the forms of <see cref="PalliativePage"/> (one component per form): the page has run the access rule (as a write on a
/// form post) and the capability; a form acts through its use case and comes back to the page, or shows the refused fields and
/// asks the page to read the palliative part again.
/// </summary>
public abstract class PalliativeStep : ComponentBase
{
    /// <summary>The resource a refusal is audited under: the page's, as when the forms were the page's own.</summary>
    public const string Resource = nameof(PalliativePage);

    [Parameter, EditorRequired] public Guid PatientId { get; set; }
    [Parameter, EditorRequired] public PalliativeDto Data { get; set; } = default!;
    /// <summary>Reads the palliative part again after a refused form.</summary>
    [Parameter] public EventCallback Reload { get; set; }
    [CascadingParameter] protected HttpContext HttpContext { get; set; } = default!;
    [CascadingParameter] protected CurrentUser? SignedIn { get; set; }
    [Inject] protected NavigationManager Navigation { get; set; } = default!;
    [Inject] protected Clock Clock { get; set; } = default!;
    [Inject] private CapabilityCheck Capabilities { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> Texts { get; set; } = default!;

    protected CurrentUser User => SignedIn!;

    protected Dictionary<string, string> Errors { get; } = [];

    /// <summary>Runs the act if the caller may, then back to the page; a refusal names its field (or the capability, audited).</summary>
    protected async Task RunAsync<T>(bool may, Func<Task<T>> act)
    {
        if (!may) return;
        try
        {
            await act();
            Navigation.NavigateTo($"/patients/{PatientId}/palliatif");
            return;
        }
        catch (DomainValidationException e)
        {
            Errors[e.Field] = e.Message;
        }
        catch (StaleVersionException e)
        {
            Errors[e.Field] = Texts["Cette fiche vient d'être modifiée par quelqu'un d'autre : rechargez la page."];
        }
        catch (CapabilityRefusedException refused)
        {
            await Capabilities.AuditRefusalAsync(User, refused.Capability, PatientId, $"{HttpContext.Request.Method} {Resource}", true, HttpContext.RequestAborted);
            Errors["capability"] = refused.Message;
        }
        await Reload.InvokeAsync();
    }
}
