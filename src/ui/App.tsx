/** The pane: Excel add-in, WPS 加载项 or standalone page, one app. */
import * as React from "react";
import {
  FluentProvider,
  Title3,
  ToggleButton,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import type { Lang } from "../engine/i18n";
import type { HostInfo } from "./office";
import type { ExcelBridge } from "./bridge";
import type { Engine } from "./engine";
import { STRINGS } from "./strings";
import { wpsStrings } from "./strings-wps";
import { ExcelView } from "./components/ExcelView";
import { StandaloneView } from "./components/StandaloneView";

const useStyles = makeStyles({
  page: {
    minHeight: "100%",
    boxSizing: "border-box",
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  header: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
});

export interface AppProps {
  host: HostInfo;
  engine: Engine;
  excel?: ExcelBridge;
  initialLang: Lang;
  dark?: boolean;
  preload?: string[];
}

export function App({ host, engine, excel, initialLang, dark, preload }: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const s = host.mode === "wps" ? wpsStrings(lang) : STRINGS[lang];
  React.useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    document.title = s.appTitle;
  }, [lang, s.appTitle]);
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} style={{ minHeight: "100%" }}>
      <div className={styles.page} data-mode={host.mode}>
        <header className={styles.header}>
          <Title3 as="h1">{s.appTitle}</Title3>
          <ToggleButton
            size="small"
            checked={lang === "en"}
            onClick={() => setLang(lang === "zh" ? "en" : "zh")}
            title={s.language}
          >
            {lang === "zh" ? "English" : "中文"}
          </ToggleButton>
        </header>
        <main>
          {(host.mode === "excel" || host.mode === "wps") && excel ? (
            <ExcelView engine={engine} excel={excel} lang={lang} s={s} />
          ) : (
            <StandaloneView engine={engine} lang={lang} s={s} preload={preload} />
          )}
        </main>
      </div>
    </FluentProvider>
  );
}
