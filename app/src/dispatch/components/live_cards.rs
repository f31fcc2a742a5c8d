//! Dispatch cards as loaded, with every live change applied on top (newest revision wins), and
//! reloaded after a resync or one of our own actions.

use std::future::Future;

use leptos::prelude::*;

use crate::dispatch::{DispatchCard, apply};
use crate::error::AppError;
use crate::live::{LiveContext, LiveEvent, use_live_events};

type LoadedCards = Resource<Result<Vec<DispatchCard>, AppError>>;

/// The cards `load` returns, kept live; `admits` picks the events that belong to this view.
pub fn use_live_cards<F, Fut>(
    reload: Signal<usize>,
    load: F,
    admits: impl Fn(&DispatchCard) -> bool + Send + Sync + 'static,
) -> (LoadedCards, ReadSignal<Vec<DispatchCard>>)
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<Vec<DispatchCard>, AppError>> + Send + 'static,
{
    let resyncs = use_context::<LiveContext>().map(|live| live.resyncs);
    let loaded = Resource::new(
        move || (reload.get(), resyncs.map(|r| r.get())),
        move |_| load(),
    );
    let (changes, set_changes) = signal(Vec::<DispatchCard>::new());
    use_live_events(move |event| {
        if let LiveEvent::Dispatch { dispatch } = event
            && admits(dispatch)
        {
            set_changes.update(|list| apply(list, dispatch.clone()));
        }
    });
    (loaded, changes)
}

/// The loaded cards with the live changes applied.
pub fn merged(base: &[DispatchCard], changes: &[DispatchCard]) -> Vec<DispatchCard> {
    let mut cards = base.to_vec();
    for card in changes {
        apply(&mut cards, card.clone());
    }
    cards
}
