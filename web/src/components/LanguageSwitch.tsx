import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { LANGS, type Lang } from '../i18n/messages.ts';
import { useT } from '../i18n/useT.ts';

/** 中文 / English switch for every header; the choice is kept in localStorage. */
export function LanguageSwitch({ dark = false }: { dark?: boolean }) {
  const { t, lang, setLang } = useT();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [lang],
        items: LANGS.map((code) => ({ key: code, label: <span lang={code}>{t(`lang.${code}`)}</span> })),
        onClick: ({ key }) => setLang(key as Lang),
      }}
    >
      <Button
        type="text"
        className={dark ? 'header-button header-button-dark' : 'header-button'}
        icon={<GlobalOutlined />}
        aria-label={t('lang.label')}
        data-testid="lang-switch"
      >
        <span className="lang-switch-name">{t(`lang.${lang}`)}</span>
      </Button>
    </Dropdown>
  );
}
