//! Short messages at the bottom of the screen, with an optional action such as Undo.

use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;

/// One message.
#[derive(Clone)]
pub struct Toast {
    id: u64,
    message: String,
    action: Option<(String, Arc<dyn Fn() + Send + Sync>)>,
}

/// The message queue, shared as context.
#[derive(Clone, Copy)]
pub struct Toasts {
    items: RwSignal<Vec<Toast>>,
    next: StoredValue<u64>,
}

/// How long a message stays.
const SHOW_FOR: Duration = Duration::from_secs(8);

impl Default for Toasts {
    fn default() -> Self {
        Self::new()
    }
}

impl Toasts {
    /// An empty queue.
    pub fn new() -> Toasts {
        Toasts {
            items: RwSignal::new(Vec::new()),
            next: StoredValue::new(0),
        }
    }

    fn push(&self, message: &str, action: Option<(String, Arc<dyn Fn() + Send + Sync>)>) {
        let id = self.next.get_value();
        self.next.set_value(id + 1);
        self.items.update(|items| {
            items.push(Toast {
                id,
                message: message.to_string(),
                action,
            });
            // Keep the latest few; older ones are stale.
            let excess = items.len().saturating_sub(3);
            items.drain(..excess);
        });
        let items = self.items;
        set_timeout(
            move || items.try_update(|v| v.retain(|t| t.id != id)).unwrap_or(()),
            SHOW_FOR,
        );
    }

    /// Shows a message.
    pub fn info(&self, message: &str) {
        self.push(message, None);
    }

    /// Shows a message with a button that runs `action` (and dismisses the message).
    pub fn with_action(
        &self,
        message: &str,
        label: &str,
        action: impl Fn() + Send + Sync + 'static,
    ) {
        self.push(message, Some((label.to_string(), Arc::new(action))));
    }

    fn dismiss(&self, id: u64) {
        self.items.update(|v| v.retain(|t| t.id != id));
    }
}

/// The message area (a polite live region, so screen readers announce messages).
#[component]
pub fn ToastArea(toasts: Toasts) -> impl IntoView {
    view! {
        <div class="toasts" role="status" aria-live="polite" data-testid="toasts">
            <For each=move || toasts.items.get() key=|t| t.id let:toast>
                {
                    let id = toast.id;
                    let action = toast.action.clone().map(|(label, run)| {
                        view! {
                            <button type="button" class="toast-action" on:click=move |_| {
                                run();
                                toasts.dismiss(id);
                            }>{label}</button>
                        }
                    });
                    view! {
                        <div class="toast">
                            <span>{toast.message.clone()}</span>
                            {action}
                            <button type="button" class="toast-close" aria-label="Dismiss message" on:click=move |_| toasts.dismiss(id)>"×"</button>
                        </div>
                    }
                }
            </For>
        </div>
    }
}
