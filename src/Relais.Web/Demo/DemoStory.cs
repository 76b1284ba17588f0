using Microsoft.Extensions.Options;
using Relais.Web.Data;
using Relais.Web.Documents;
using Relais.Web.Identity;
using Relais.Web.Messaging;

namespace Relais.Web.Demo;

public static partial class DemoData
{
    /// <summary>
    /// The demo's story, told through the use cases the pages and the API call: each act runs a use case as
    /// the demo professional who would have done it, on the day it would have been done. The use cases date
    /// what they record by the clock (most record "now"), so the story runs on a clock of its own that moves
    /// through the past in the order of the acts, never beyond the real now: the rules see each act as they
    /// would have seen it that day, and nothing is written behind their back. The story's transmissions live
    /// in the in-app inboxes only: starting the demo sends no e-mail for the months it pretends to have lived.
    /// </summary>
    private sealed partial class DemoStory
    {
        private readonly StoryTime time;
        private readonly StoryServices services;
        private readonly RelaisDb db;
        private readonly IReadOnlyDictionary<string, CurrentUser> actors;
        private readonly PriorityQueue<Func<Task>, (DateTimeOffset At, long Order)> acts = new();
        private long order;

        public DemoStory(IServiceProvider root, IReadOnlyDictionary<string, CurrentUser> actors, TimeProvider realTime)
        {
            RealNow = realTime.GetUtcNow();
            Today = new Clock(realTime).Today;
            time = new StoryTime(RealNow);
            services = new StoryServices(root, time);
            db = root.GetRequiredService<RelaisDb>();
            this.actors = actors;
        }

        public DateTimeOffset RealNow { get; }

        public DateOnly Today { get; }

        private CurrentUser As(string email) => actors[email];

        private T Use<T>() where T : class => services.Get<T>();

        /// <summary>Plans an act for a moment of the story; an act may plan others.</summary>
        private void At(DateTimeOffset when, Func<Task> act) => acts.Enqueue(act, (when > RealNow ? RealNow : when, order++));

        /// <summary>A day of the story at a Paris wall-clock hour.</summary>
        private static DateTimeOffset On(DateOnly day, int hour, int minute = 0)
        {
            var local = day.ToDateTime(new TimeOnly(hour, minute));
            return new DateTimeOffset(local, Clock.Paris.GetUtcOffset(local)).ToUniversalTime();
        }

        /// <summary>Runs the acts in the order of their moments (then of their planning).</summary>
        private async Task PlayAsync()
        {
            while (acts.TryDequeue(out var act, out var when))
            {
                time.Now = when.At;
                await act();
                // Each act is a request of its own: the next one starts with an empty unit of work.
                db.ChangeTracker.Clear();
            }
            time.Now = RealNow;
        }

        /// <summary>The story's clock: the moment of the act being played.</summary>
        private sealed class StoryTime(DateTimeOffset start) : TimeProvider
        {
            public DateTimeOffset Now { get; set; } = start;

            public override DateTimeOffset GetUtcNow() => Now;
        }

        /// <summary>
        /// The use cases as the DI container builds them, but on the story's clock, without mail and without
        /// printing (the story's programmes and reports stay HTML, shown on screen, as without Chromium): the
        /// classes of the features (and the reminder scheduler) are built here with the story's clock, time,
        /// mail options and renderer, everything else (the database context of the seeding scope, the document
        /// renderer...) comes from the container.
        /// </summary>
        private sealed class StoryServices(IServiceProvider root, StoryTime time)
        {
            private readonly Dictionary<Type, object> built = new()
            {
                [typeof(TimeProvider)] = time,
                [typeof(Clock)] = new Clock(time),
                [typeof(IOptions<MailOptions>)] = Options.Create(Quiet(root.GetRequiredService<IOptions<MailOptions>>().Value)),
                [typeof(DocumentRenderer)] = new DocumentRenderer(root, root.GetRequiredService<ILoggerFactory>(), new PdfPrinter(
                    new ConfigurationBuilder().AddInMemoryCollection([new("Documents:Pdf", "false")]).Build(), root.GetRequiredService<ILogger<PdfPrinter>>())),
            };

            public IServiceProvider Root => root;

            public T Get<T>() where T : class => (T)Get(typeof(T));

            private object Get(Type type)
            {
                if (built.TryGetValue(type, out var known)) return known;
                if (!OwnedByTheStory(type)) return root.GetRequiredService(type);
                var constructor = type.GetConstructors().Single();
                var made = constructor.Invoke([.. constructor.GetParameters().Select(p => Get(p.ParameterType))]);
                built[type] = made;
                return made;
            }

            private static bool OwnedByTheStory(Type type) =>
                type.Assembly == typeof(DemoStory).Assembly && type.IsClass && !type.IsAbstract
                && (type.Namespace?.StartsWith("Relais.Web.Features", StringComparison.Ordinal) == true || type == typeof(ReminderScheduler));

            private static MailOptions Quiet(MailOptions options)
            {
                var quiet = new MailOptions();
                foreach (var property in typeof(MailOptions).GetProperties().Where(p => p.CanWrite)) property.SetValue(quiet, property.GetValue(options));
                quiet.Enabled = false;
                return quiet;
            }
        }
    }
}
