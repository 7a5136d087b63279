//! Drag and drop of cards between cells (HTML drag events carry the card id).

use crate::model::grid::LaneGroup;
use crate::model::Id;
use std::cell::Cell;

const MIME: &str = "application/x-trailmap-card";

/// What is being dragged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DragPayload {
    /// The card.
    pub card: Id,
    /// The lane group it was dragged from.
    pub from: LaneGroup,
}

thread_local! {
    // The group is not serialisable in dataTransfer simply; keep it here for the drop.
    static DRAGGING: Cell<Option<DragPayload>> = const { Cell::new(None) };
}

/// Starts dragging a card.
pub fn start(ev: &web_sys::DragEvent, payload: DragPayload) {
    DRAGGING.with(|d| d.set(Some(payload)));
    if let Some(dt) = ev.data_transfer() {
        let _ = dt.set_data(MIME, &payload.card.0.to_string());
        let _ = dt.set_data("text/plain", "");
        dt.set_effect_allowed("move");
        // Show the whole card, not just the handle.
        if let Some(card) = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .and_then(|el| el.closest("li.card").ok().flatten())
        {
            dt.set_drag_image(&card, 12, 12);
        }
    }
}

/// Lets a drop happen on this element when a card is being dragged.
pub fn allow_drop(ev: &web_sys::DragEvent) {
    if DRAGGING.with(|d| d.get()).is_some() {
        ev.prevent_default();
        if let Some(dt) = ev.data_transfer() {
            dt.set_drop_effect("move");
        }
    }
}

/// Takes the dragged card at a drop (and ends the drag). A drop that carries no card (a
/// file from the desktop, text from another page) moves none, whatever drag came before.
pub fn take(ev: &web_sys::DragEvent) -> Option<DragPayload> {
    ev.prevent_default();
    let payload = DRAGGING.with(|d| d.take());
    let carries_card = ev
        .data_transfer()
        .is_some_and(|dt| dt.types().includes(&MIME.into(), 0));
    payload.filter(|_| carries_card)
}

/// Ends a drag, dropped or not (`dragend` on the dragged element: it fires after a drop,
/// and when the drag is cancelled with Escape or by dropping where nothing takes it).
pub fn cancel() {
    DRAGGING.with(|d| d.set(None));
}
