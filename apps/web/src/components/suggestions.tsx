'use client';
import { useEffect, useState } from 'react';

interface Suggestion {
  title: string;
  href: string;
  type: string;
}

/**
 * Search-as-you-type: asks the same-origin /suggestions route (which asks the API) for a few
 * titles once the visitor pauses. Only an addition: without JavaScript the form still works.
 */
export function Suggestions({ inputId }: { inputId: string }) {
  const [items, setItems] = useState<Suggestion[]>([]);
  const listId = `${inputId}-suggestions`;

  useEffect(() => {
    const input = document.getElementById(inputId);
    if (!(input instanceof HTMLInputElement)) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | undefined;
    const onInput = () => {
      clearTimeout(timer);
      const text = input.value.trim();
      if (text.length < 2) {
        setItems([]);
        return;
      }
      timer = setTimeout(() => {
        controller?.abort();
        controller = new AbortController();
        fetch(`/suggestions?q=${encodeURIComponent(text)}`, { signal: controller.signal })
          .then((res) =>
            res.ok ? (res.json() as Promise<{ suggestions: Suggestion[] }>) : { suggestions: [] },
          )
          .then((body) => setItems(body.suggestions))
          .catch(() => undefined);
      }, 200);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setItems([]);
    };
    input.addEventListener('input', onInput);
    input.addEventListener('keydown', onKey);
    return () => {
      clearTimeout(timer);
      controller?.abort();
      input.removeEventListener('input', onInput);
      input.removeEventListener('keydown', onKey);
    };
  }, [inputId]);

  return (
    <div aria-live="polite">
      {items.length > 0 ? (
        <>
          <p className="fr-sr-only">{items.length} suggestions</p>
          <ul id={listId} className="resocc-suggestions" aria-label="Suggestions">
            {items.map((item) => (
              <li key={item.href}>
                <a href={item.href}>
                  {item.title} <span className="fr-text--xs">({item.type})</span>
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
