using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Relais.Domain.Access;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Components.Kit;

/// <summary>
/// Base of every page about one patient: the access rule runs before anything is read (and again,
/// as a write, before a form is applied). A refusal renders the same not-found page as an unknown id.
/// </summary>
public abstract class PatientPageBase : ComponentBase
{
    [Parameter] public Guid PatientId { get; set; }
    [CascadingParameter] protected HttpContext HttpContext { get; set; } = default!;
    [Inject] protected PatientAccess Access { get; set; } = default!;
    [Inject] protected NavigationManager Navigation { get; set; } = default!;
    [Inject] protected CapabilityCheck CapabilityCheck { get; set; } = default!;

    /// <summary>The signed-in user, cascaded from the root (WebSetup).</summary>
    [CascadingParameter] protected CurrentUser? User { get; set; }
    protected AccessDecision? Decision { get; private set; }
    protected bool Allowed => Decision?.Granted == true;
    protected bool IsPost => HttpMethods.IsPost(HttpContext.Request.Method);

    protected async Task<bool> AuthorizeAsync(AccessKind kind)
    {
        var resource = $"{HttpContext.Request.Method} {GetType().Name}";
        Decision = await Access.CheckAsync(User, PatientId, kind, resource, HttpContext.RequestAborted);
        if (!Decision.Granted)
        {
            Navigation.NotFound();
            return false;
        }
        // The page's capability, after the access rule (an outsider still sees "not found"): a role without it
        // is sent to the access-denied page, as the role policies do.
        if (GetType().GetCustomAttributes(typeof(RequiresCapabilityAttribute), true).FirstOrDefault() is RequiresCapabilityAttribute required
            && !await CapabilityCheck.CheckAsync(User, required.AnyOf, PatientId, Decision, resource, kind == AccessKind.Write, HttpContext.RequestAborted))
        {
            Decision = AccessDecision.Denied($"capability:{Domain.Access.Capabilities.Code(required.AnyOf[0])}");
            Navigation.NavigateTo("/acces-refuse");
            return false;
        }
        return true;
    }

    /// <summary>Whether the user may do this on this record (to show a button): the table and the basis of the access.</summary>
    protected Task<bool> MayAsync(Capability capability) => CapabilityCheck.AllowsAsync(User, capability, Decision, HttpContext.RequestAborted);

    /// <summary>Audits a refusal a use case raised in its context; the page shows its message.</summary>
    protected Task AuditRefusalAsync(CapabilityRefusedException refused) =>
        CapabilityCheck.AuditRefusalAsync(User, refused.Capability, PatientId, $"{HttpContext.Request.Method} {GetType().Name}", IsPost, HttpContext.RequestAborted);

    /// <summary>Pages that change the record check the write right on the form post, the read right otherwise.</summary>
    protected Task<bool> AuthorizeForRequestAsync() => AuthorizeAsync(IsPost ? AccessKind.Write : AccessKind.Read);
}
