/** Inline SVG icons, hidden from assistive technology (their buttons carry the names). */
export function BackIcon() {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path
        d="M15 5 8 12l7 7"
        fill="none"
        stroke="currentColor"
        stroke-width="2.2"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}

export function SettingsIcon() {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="3.2" fill="none" stroke="currentColor" stroke-width="2" />
      <path
        d="M12 2.8v2.4M12 18.8v2.4M2.8 12h2.4M18.8 12h2.4M5.5 5.5l1.7 1.7M16.8 16.8l1.7 1.7M5.5 18.5l1.7-1.7M16.8 7.2l1.7-1.7"
        fill="none"
        stroke="currentColor"
        stroke-width="2"
        stroke-linecap="round"
      />
    </svg>
  );
}

export function MoreIcon() {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="5.5" r="2" fill="currentColor" />
      <circle cx="12" cy="12" r="2" fill="currentColor" />
      <circle cx="12" cy="18.5" r="2" fill="currentColor" />
    </svg>
  );
}

export function OrganizationIcon() {
  return (
    <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
      <path
        d="M4 21V5l8-2v18M12 8h8v13M2 21h20M7 8h2M7 12h2M7 16h2M15 12h2M15 16h2"
        fill="none"
        stroke="currentColor"
        stroke-width="1.8"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}

export function KeyIcon() {
  return (
    <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
      <circle cx="8" cy="15" r="4" fill="none" stroke="currentColor" stroke-width="1.8" />
      <path
        d="m11 12 9-9M16 7l3 3M14 9l2 2"
        fill="none"
        stroke="currentColor"
        stroke-width="1.8"
        stroke-linecap="round"
      />
    </svg>
  );
}

export function PhoneIcon() {
  return (
    <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
      <rect
        x="6"
        y="2.5"
        width="12"
        height="19"
        rx="2.5"
        fill="none"
        stroke="currentColor"
        stroke-width="1.8"
      />
      <path d="M10.5 18.5h3" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
    </svg>
  );
}

export function QrIcon() {
  return (
    <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
      <path
        d="M3 3h7v7H3zM14 3h7v7h-7zM3 14h7v7H3z"
        fill="none"
        stroke="currentColor"
        stroke-width="1.8"
      />
      <path
        d="M14 14h3v3h-3zM18 18h3v3h-3zM18 14h3M14 18v3"
        fill="none"
        stroke="currentColor"
        stroke-width="1.8"
      />
    </svg>
  );
}

/** The app's mark: the drawing of the home-screen icon (scripts/render-icons.ts). */
export function SesameMark(props: { size?: number }) {
  const size = props.size ?? 72;
  return (
    <svg viewBox="0 0 512 512" width={size} height={size} aria-hidden="true" focusable="false">
      <rect width="512" height="512" rx="112" fill="#0b2545" />
      <g transform="translate(35.84 35.84) scale(0.86)">
        <path
          d="M256 64 L416 124 V244 C416 350 348 426 256 456 C164 426 96 350 96 244 V124 Z"
          fill="#fff"
        />
        <path d="M256 64 L416 124 V244 C416 350 348 426 256 456 Z" fill="#e6eef8" />
        <circle cx="256" cy="222" r="46" fill="#0b5cad" />
        <path d="M232 252 H280 L296 352 H216 Z" fill="#0b5cad" />
      </g>
    </svg>
  );
}
